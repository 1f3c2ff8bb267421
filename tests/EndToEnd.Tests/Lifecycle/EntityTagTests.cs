namespace ConfigCluster.EndToEnd.Tests.Lifecycle;

/// <summary>
/// Optimistic concurrency for REST clients: reads answer the version as ETag and 304 to a client holding it; a PUT or
/// DELETE with If-Match is refused with 412 once the config moved on, and changes nothing. Flags answer alike.
/// </summary>
public sealed class EntityTagTests(VersionsFixture fixture) : IClassFixture<VersionsFixture>
{
    private const string Env = "etags";
    private const string Svc = "billing";

    [Fact]
    public async Task AReadAnswersTheVersionAsETagAnd304ToAClientThatHoldsIt()
    {
        var http = fixture.Revealer;
        Assert.Equal(HttpStatusCode.Created, (await http.CreateAsync(Env, Svc, "tagged", "v1")).StatusCode);

        using var first = await http.ReadAsync(Env, Svc, "tagged");
        using var request = new HttpRequestMessage(HttpMethod.Get, Api.PathOf(Env, Svc, "tagged"));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await http.SendAsync(request);

        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal("\"1\"", again.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task OfTwoClientsWritingFromTheSameVersionTheSecondGets412AndChangesNothing()
    {
        var (alice, bob) = (fixture.Revealer, fixture.Reader);
        Assert.Equal(HttpStatusCode.Created, (await alice.CreateAsync(Env, Svc, "raced", "v1")).StatusCode);
        var seenByAlice = (await alice.ReadAsync(Env, Svc, "raced")).Headers.ETag!.Tag;
        var seenByBob = (await bob.ReadAsync(Env, Svc, "raced")).Headers.ETag!.Tag;

        using var aliceWrites = await VersionsFixture.SendIfMatchAsync(alice, HttpMethod.Put, Env, Svc, "raced", seenByAlice, "alice");
        using var bobWrites = await VersionsFixture.SendIfMatchAsync(bob, HttpMethod.Put, Env, Svc, "raced", seenByBob, "bob");
        using var bobDeletes = await VersionsFixture.SendIfMatchAsync(bob, HttpMethod.Delete, Env, Svc, "raced", seenByBob);

        Assert.Equal(HttpStatusCode.OK, aliceWrites.StatusCode);
        Assert.Equal("\"2\"", aliceWrites.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, bobWrites.StatusCode);
        Assert.Contains("\"code\":\"precondition_failed\"", await bobWrites.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionFailed, bobDeletes.StatusCode);
        Assert.Equal(("alice", 2L), await (await alice.ReadAsync(Env, Svc, "raced")).ValueAsync());
        Assert.Equal(2, await fixture.CommittedChangesOfAsync("raced"));
    }

    [Fact]
    public async Task ADeleteWithTheCurrentVersionSucceedsAndAMalformedIfMatchIs400()
    {
        var http = fixture.Revealer;
        Assert.Equal(HttpStatusCode.Created, (await http.CreateAsync(Env, Svc, "removed", "v1")).StatusCode);
        using var malformed = new HttpRequestMessage(HttpMethod.Delete, Api.PathOf(Env, Svc, "removed"));
        malformed.Headers.TryAddWithoutValidation("If-Match", "\"one\"");

        using var refused = await http.SendAsync(malformed);
        using var deleted = await VersionsFixture.SendIfMatchAsync(http, HttpMethod.Delete, Env, Svc, "removed", "\"1\"");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task AFlagReadAnswers304ToAClientThatHoldsItsVersion()
    {
        using var admin = fixture.ClientWith(fixture.BootstrapKey);
        await admin.CreatedFlagAsync(Env, "tagged-flag");

        using var first = await admin.GetFlagAsync(Env, "tagged-flag");
        using var request = new HttpRequestMessage(HttpMethod.Get, first.RequestMessage!.RequestUri);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
