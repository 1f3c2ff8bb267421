using System.Text;
using ConfigCluster.EndToEnd.Tests.Access;

namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>
/// Flags use the config grants: <c>read</c> in an environment to evaluate and list, <c>write</c> on all of its
/// services to change. An OFREP client needs only the base URL and its key: a key limited to one environment
/// names it.
/// </summary>
public sealed class FlagAccessTests(LockedDownFixture fixture) : IClassFixture<LockedDownFixture>, IAsyncLifetime
{
    private const string Context = """{"context": {"targetingKey": "u-1"}}""";

    public async Task InitializeAsync()
    {
        using var admin = fixture.ClientWith(fixture.BootstrapKey);
        await OfrepFlags.CreateAsync(admin, "acc-prod");
        await OfrepFlags.CreateAsync(admin, "acc-dev");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnOfrepClientWithAKeyOfOneEnvironmentNeedsNoEnvironmentHeader()
    {
        var (_, secret) = await fixture.CreateKeyAsync("ofrep-prod", """[{"environment":"acc-prod","service_name":"*","actions":["read"]}]""");
        using var client = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        client.DefaultRequestHeaders.Add("X-API-Key", secret);

        var single = await client.OfrepAsync("targeted", Context);
        var bulk = await client.OfrepAsync(null, Context);
        var otherEnvironment = await client.OfrepAsync("targeted", Context, environment: "acc-dev");

        Assert.Equal("TARGETING_MATCH", (await single.JsonAsync()).GetProperty("reason").GetString());
        Assert.Equal("acc-prod", (await bulk.JsonAsync()).GetProperty("metadata").GetProperty("environment").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherEnvironment.StatusCode);
    }

    [Fact]
    public async Task WithoutACredentialOfrepAndTheFlagApiAnswer401()
    {
        using var anonymous = fixture.ClientWith(null);

        var ofrep = await anonymous.OfrepAsync("targeted", Context, "acc-prod");
        var list = await anonymous.GetAsync("/api/v1/flags?environment=acc-prod");

        Assert.Equal(HttpStatusCode.Unauthorized, ofrep.StatusCode);
        Assert.NotEmpty(ofrep.Headers.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    [Fact]
    public async Task ReadingNeedsReadInTheEnvironmentAndChangingNeedsWriteOnAllOfItsServices()
    {
        var (_, reader) = await fixture.CreateKeyAsync("flag-reader", """[{"environment":"acc-dev","service_name":"billing","actions":["read"]}]""");
        var (_, serviceWriter) = await fixture.CreateKeyAsync("flag-service-writer",
            """[{"environment":"acc-dev","service_name":"billing","actions":["read","write"]}]""");
        var (_, writer) = await fixture.CreateKeyAsync("flag-writer", """[{"environment":"acc-dev","service_name":"*","actions":["read","write"]}]""");
        using var readerClient = fixture.ClientWith(reader);
        using var serviceWriterClient = fixture.ClientWith(serviceWriter);
        using var writerClient = fixture.ClientWith(writer);
        using var admin = fixture.ClientWith(fixture.BootstrapKey);
        await admin.CreatedFlagAsync("acc-dev", "writable");

        Assert.Equal(HttpStatusCode.OK, (await readerClient.GetAsync("/api/v1/flags?environment=acc-dev")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readerClient.EvaluateFlagAsync("acc-dev", "targeted")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerClient.GetAsync("/api/v1/flags?environment=acc-prod")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerClient.PatchFlagAsync("acc-dev", "writable", """{"description": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await serviceWriterClient.PatchFlagAsync("acc-dev", "writable", """{"description": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writerClient.PatchFlagAsync("acc-prod", "targeted", """{"description": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writerClient.CreateFlagAsync(FlagApi.Flag("acc-prod", "sneaky"))).StatusCode);

        var allowed = await writerClient.PatchFlagAsync("acc-dev", "writable", """{"description": "changed by the writer"}""");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("changed by the writer", (await allowed.JsonAsync()).GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetFlagAsync("acc-prod", "sneaky")).StatusCode);
    }
}
