using Microsoft.AspNetCore.Http;

namespace ConfigCluster.DevVault.Http;

/// <summary>Copies a <see cref="VaultResponse"/> onto the ASP.NET Core response.</summary>
internal static class VaultResponseSender
{
    public static Task SendAsync(HttpContext context, VaultResponse response)
    {
        HttpResponse http = context.Response;
        http.StatusCode = response.StatusCode;
        if (response.SendCacheControl)
        {
            http.Headers.CacheControl = "no-store";
        }

        if (response.ContentType is not null)
        {
            http.Headers.ContentType = response.ContentType;
        }

        if (response.Location is not null)
        {
            http.Headers.Location = response.Location;
        }

        if (response.Body.IsEmpty || HttpMethods.IsHead(context.Request.Method) || !StatusAllowsBody(response.StatusCode))
        {
            return Task.CompletedTask;
        }

        http.ContentLength = response.Body.Length;
        return http.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    private static bool StatusAllowsBody(int status) => status >= 200 && status != 204 && status != 304;
}
