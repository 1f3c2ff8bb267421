namespace ConfigCluster.Baseline;

/// <summary>
/// The response bodies the baseline answers with, as the gateway wrote them: a config, a list page, an OFREP
/// evaluation and bulk evaluation, and a registry service's healthy instances (the last three empty when not given).
/// </summary>
internal sealed record CapturedBodies(byte[] Config, byte[] List, byte[] Ofrep, byte[] OfrepBulk, byte[] Registry)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static CapturedBodies Load(IConfiguration configuration) => new(
        File.ReadAllBytes(Required(configuration, "Baseline:ConfigBody")),
        File.ReadAllBytes(Required(configuration, "Baseline:ListBody")),
        Optional(configuration, "Baseline:OfrepBody"),
        Optional(configuration, "Baseline:OfrepBulkBody"),
        Optional(configuration, "Baseline:RegistryBody"));

    private static byte[] Optional(IConfiguration configuration, string name) =>
        configuration[name] is { } file ? File.ReadAllBytes(file) : [];

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] ?? throw new InvalidOperationException($"--{name} (a file with the body bytes) is required.");

    public static Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
