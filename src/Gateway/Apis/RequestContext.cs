namespace ConfigCluster.Gateway.Apis;

/// <summary>Who asks and under which request id. Until authentication lands every caller is "anonymous".</summary>
internal static class RequestContext
{
    public const string RequestIdHeader = "X-Request-Id";

    public static ChangeContext For(HttpContext http)
    {
        var requestId = http.Request.Headers[RequestIdHeader].ToString();
        if (requestId.Length is 0 or > 128 || !requestId.All(c => c is > ' ' and < '\u007f'))
        {
            requestId = http.TraceIdentifier;
        }

        return new ChangeContext("anonymous", requestId);
    }
}
