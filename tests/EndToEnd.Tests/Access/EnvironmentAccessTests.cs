namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// The environment API under grants: an export holds only what the caller may read and encrypted values only where
/// it may reveal them; an import needs write on every service it touches; a comparison of encrypted values needs
/// reveal. Configs live in production/billing (a plain and an encrypted one), production/auth and staging/billing.
/// </summary>
public sealed class EnvironmentAccessTests(EnvironmentAccessTests.GrantsFixture fixture) : IClassFixture<EnvironmentAccessTests.GrantsFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("dotenv")]
    public async Task AnExportHidesEncryptedValuesWithoutRevealAndShowsThemWithReveal(string format)
    {
        using var reader = fixture.ClientWith(fixture.Reader);
        using var revealer = fixture.ClientWith(fixture.Revealer);

        var hidden = await (await reader.ExportAsync("production", format, "billing")).BodyAsync();
        var shown = await (await revealer.ExportAsync("production", format, "billing")).BodyAsync();

        Assert.Contains("plain-value", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", hidden, StringComparison.Ordinal);
        Assert.Contains("secret", hidden, StringComparison.Ordinal);
        Assert.Contains("secret-value", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonExportMarksAHiddenValueAsEncryptedWithoutAValue()
    {
        using var reader = fixture.ClientWith(fixture.Reader);

        var export = JsonDocument.Parse(await (await reader.ExportAsync("production", "json")).BodyAsync()).RootElement;

        var secret = export.GetProperty("billing").GetProperty("secret");
        Assert.Equal(JsonValueKind.Null, secret.GetProperty("value").ValueKind);
        Assert.True(secret.GetProperty("is_encrypted").GetBoolean());
        Assert.Equal("plain-value", export.GetProperty("auth").GetProperty("plain").GetProperty("value").GetString());
    }

    [Fact]
    public async Task AnExportHoldsOnlyTheServicesTheCallerMayRead()
    {
        using var revealer = fixture.ClientWith(fixture.Revealer);

        var export = JsonDocument.Parse(await (await revealer.ExportAsync("production", "json")).BodyAsync()).RootElement;

        Assert.Equal(["billing"], export.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await revealer.ExportAsync("production", "json", "auth")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await revealer.ExportAsync("staging", "json")).StatusCode);
    }

    [Fact]
    public async Task AnImportNeedsWriteOnEveryServiceItTouchesAndARefusalWritesNothing()
    {
        using var writer = fixture.ClientWith(fixture.Writer);
        var key = $"imported-{Guid.NewGuid():N}";
        var file = $$$$"""{"billing":{"{{{{key}}}}":{"value":"v","is_encrypted":false}},"auth":{"{{{{key}}}}":{"value":"v","is_encrypted":false}}}""";

        using var refused = await writer.ImportAsync("production", file, "json", dryRun: false);
        using var allowed = await writer.ImportAsync("production", file, "json", dryRun: false, service: "billing");

        Assert.Equal("forbidden", JsonDocument.Parse(await refused.BodyAsync(HttpStatusCode.Forbidden)).RootElement.GetProperty("code").GetString());
        await allowed.BodyAsync();
        Assert.Equal(1, await fixture.CommittedChangesOfAsync(key));
        using var anonymous = fixture.ClientWith(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.ImportAsync("production", file, "json", dryRun: true)).StatusCode);
    }

    [Fact]
    public async Task APlanDoesNotCompareAValueTheCallerMayNotReveal()
    {
        using var writer = fixture.ClientWith(fixture.Writer);
        var file = """{"billing":{"secret":{"value":"secret-value","is_encrypted":true},"plain":{"value":"plain-value","is_encrypted":false}}}""";

        var body = await (await writer.ImportAsync("production", file, "json", dryRun: true)).BodyAsync();

        var actions = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("action").GetString());
        Assert.Equal("update", actions["secret"]);
        Assert.Equal("unchanged", actions["plain"]);
    }

    [Fact]
    public async Task CompareWithoutRevealReportsEncryptedKeysAsNotCompared()
    {
        using var reader = fixture.ClientWith(fixture.Reader);
        using var everywhere = fixture.ClientWith(fixture.ReaderEverywhere);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.CompareAsync("production", "staging")).StatusCode);
        var body = await (await everywhere.CompareAsync("production", "staging", "billing")).BodyAsync();

        var comparison = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["billing/secret"], comparison.KeysIn("not_compared"));
        Assert.Equal(["billing/plain"], comparison.KeysIn("equal"));
        Assert.All(new[] { "plain-value", "secret-value" }, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
    }

    /// <summary>The locked-down system with the configs and a key per kind of caller.</summary>
    public sealed class GrantsFixture : LockedDownFixture
    {
        public string Reader { get; private set; } = "";

        public string ReaderEverywhere { get; private set; } = "";

        public string Revealer { get; private set; } = "";

        public string Writer { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var admin = ClientWith(BootstrapKey);
            await admin.CreateAsync("production", "billing", "plain", "plain-value");
            await admin.CreateAsync("production", "billing", "secret", "secret-value", encrypted: true);
            await admin.CreateAsync("production", "auth", "plain", "plain-value");
            await admin.CreateAsync("staging", "billing", "plain", "plain-value");
            await admin.CreateAsync("staging", "billing", "secret", "secret-value", encrypted: true);
            Reader = (await CreateKeyAsync("reader", """[{"environment":"production","service_name":"*","actions":["read"]}]""")).Secret;
            ReaderEverywhere = (await CreateKeyAsync("reader-everywhere", """[{"environment":"*","service_name":"*","actions":["read"]}]""")).Secret;
            Revealer = (await CreateKeyAsync("revealer", """[{"environment":"production","service_name":"billing","actions":["read","reveal"]}]""")).Secret;
            Writer = (await CreateKeyAsync("writer", """[{"environment":"production","service_name":"billing","actions":["read","write"]}]""")).Secret;
        }
    }
}
