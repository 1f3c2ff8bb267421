namespace ConfigCluster.Baseline;

internal static class CapturedBodiesEndpoints
{
    /// <summary>The gateway's read routes: a config by key, and the list; query strings are ignored.</summary>
    public static void MapCapturedBodies(this IEndpointRouteBuilder endpoints, CapturedBodies bodies)
    {
        endpoints.MapGet("/api/v1/config/{key}", (HttpContext http) => CapturedBodies.WriteAsync(http.Response, bodies.Config));
        endpoints.MapGet("/api/v1/config", (HttpContext http) => CapturedBodies.WriteAsync(http.Response, bodies.List));
    }
}
