using System.Net.Http.Headers;
using System.Text;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>A thin HttpClient wrapper that sends exactly what a test says (no redirects followed).</summary>
internal sealed class VaultHttp : IDisposable
{
    /// <summary>Pass as token to use the server's root token (the default).</summary>
    public const string Root = "(root)";

    private readonly HttpClient _client;
    private readonly string _rootToken;

    public VaultHttp(Uri address, string rootToken)
    {
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        _rootToken = rootToken;
    }

    public Task<VaultReply> GetAsync(string path, string? token = Root) => SendAsync("GET", path, null, token);

    public Task<VaultReply> ListAsync(string path, string? token = Root) => SendAsync("LIST", path, null, token);

    public Task<VaultReply> PostAsync(string path, string json, string? token = Root) => SendAsync("POST", path, json, token);

    public Task<VaultReply> DeleteAsync(string path, string? token = Root) => SendAsync("DELETE", path, null, token);

    public Task<VaultReply> PatchAsync(string path, string json, string contentType = "application/merge-patch+json", string? token = Root) =>
        SendAsync("PATCH", path, json, token, contentType);

    public async Task<VaultReply> SendAsync(
        string method,
        string path,
        string? body = null,
        string? token = Root,
        string? contentType = null,
        Action<HttpRequestMessage>? customize = null)
    {
        var uri = new Uri(_client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (token is not null)
        {
            request.Headers.Add("X-Vault-Token", token == Root ? _rootToken : token);
        }

        customize?.Invoke(request);
        using HttpResponseMessage response = await _client.SendAsync(request);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        return new VaultReply(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Headers.CacheControl?.ToString(),
            response.Headers.Location?.OriginalString,
            bytes);
    }

    public void Dispose() => _client.Dispose();
}
