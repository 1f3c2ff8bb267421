namespace ConfigCluster.Baseline;

internal static class CapturedBodiesEndpoints
{
    /// <summary>
    /// The gateway's read routes: a config by key, the list, OFREP's two evaluations (their request bodies are
    /// drained unread, as a server must), and a registry service's instances (one body for every service); query
    /// strings are ignored.
    /// </summary>
    public static void MapCapturedBodies(this IEndpointRouteBuilder endpoints, CapturedBodies bodies)
    {
        endpoints.MapGet("/api/v1/config/{key}", (HttpContext http) => CapturedBodies.WriteAsync(http.Response, bodies.Config));
        endpoints.MapGet("/api/v1/config", (HttpContext http) => CapturedBodies.WriteAsync(http.Response, bodies.List));
        endpoints.MapPost("/ofrep/v1/evaluate/flags/{key}", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            await CapturedBodies.WriteAsync(http.Response, bodies.Ofrep);
        });
        endpoints.MapPost("/ofrep/v1/evaluate/flags", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            await CapturedBodies.WriteAsync(http.Response, bodies.OfrepBulk);
        });
        endpoints.MapGet("/api/v1/registry/{environment}/services/{service}/instances",
            (HttpContext http) => CapturedBodies.WriteAsync(http.Response, bodies.Registry));
    }
}
