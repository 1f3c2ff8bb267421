namespace ConfigCluster.Baseline;

/// <summary>The response bodies the baseline answers with: a config and a list page, as the gateway wrote them.</summary>
internal sealed record CapturedBodies(byte[] Config, byte[] List)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static CapturedBodies Load(IConfiguration configuration) => new(
        File.ReadAllBytes(Required(configuration, "Baseline:ConfigBody")),
        File.ReadAllBytes(Required(configuration, "Baseline:ListBody")));

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] ?? throw new InvalidOperationException($"--{name} (a file with the body bytes) is required.");

    public static Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
