using System.Net.Http.Headers;
using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// The system as production starts it: callers without a credential may do nothing, and a bootstrap admin key
/// from configuration. Keys are created through the API with it.
/// </summary>
public class LockedDownFixture : SystemFixture
{
    public string BootstrapKey { get; } = ConfigCluster.Grains.Access.ApiKeySecret.Generate();

    protected override string Anonymous => "None";

    protected override IEnumerable<string> ExtraArgs => [$"--Auth:BootstrapApiKey={BootstrapKey}", "--ApiKeys:SyncInterval=00:00:00.500"];

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c> (or none).</summary>
    public HttpClient ClientWith(string? key)
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Creates a key through the API with the bootstrap key: its id and secret.</summary>
    public async Task<(string Id, string Secret)> CreateKeyAsync(string name, string grantsJson, string? expiresAt = null)
    {
        using var admin = ClientWith(BootstrapKey);
        var body = $$"""{"name":"{{name}}","grants":{{grantsJson}},"expires_at":{{(expiresAt is null ? "null" : $"\"{expiresAt}\"")}}}""";
        using var response = await admin.PostAsync("/api/v1/auth/keys", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        using var created = JsonDocument.Parse(text);
        return (created.RootElement.GetProperty("id").GetString()!, created.RootElement.GetProperty("key").GetString()!);
    }

    public async Task RevokeKeyAsync(string id)
    {
        using var admin = ClientWith(BootstrapKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/auth/keys/{id}")).StatusCode);
    }

    /// <summary>The committed audit rows of one config.</summary>
    public async Task<int> CommittedChangesOfAsync(string key) =>
        (await Postgres.ChangeRowsAsync()).Count(r => r.Key == key && r.State == "committed");
}
