namespace ConfigCluster.EndToEnd.Tests.Environments;

/// <summary>
/// Whole environments exported as files, imported into another environment (a plan, then key by key through the
/// grains) and compared, against the real gateway with the dev Vault, PostgreSQL, Redis and Kafka.
/// </summary>
public sealed class EnvironmentTransferTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    /// <summary>Values that every format must carry unchanged: quotes, escapes, line breaks, '$', '#', non-ASCII.</summary>
    private static readonly Dictionary<string, (string Value, bool Encrypted)> Awkward = new()
    {
        ["plain"] = ("plain-value", false),
        ["empty"] = ("", false),
        ["quotes"] = ("say \"hi\" and 'bye'", false),
        ["lines"] = ("first\nsecond\r\nthird\ttabbed  ", false),
        ["shell"] = ("$HOME ${PATH} `id` # not a comment \\n literal", false),
        ["unicode"] = ("grüße ✓ 🚀 \u2028 end", false),
        ["yaml-like"] = ("- null: ~ {a: [b]} &x *x !tag", false),
        ["secret"] = ("s3cr3t\"\\\n$", true),
    };

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("dotenv")]
    public async Task AnExportImportedIntoAnotherEnvironmentGivesEqualConfigs(string format)
    {
        var (source, target) = ($"from-{format}-{Guid.NewGuid():N}"[..40], $"to-{format}-{Guid.NewGuid():N}"[..40]);
        foreach (var (key, (value, encrypted)) in Awkward)
        {
            Assert.Equal(HttpStatusCode.Created, (await fixture.Http.CreateAsync(source, "billing", key, value, encrypted)).StatusCode);
        }

        var service = format == "dotenv" ? "billing" : null;
        var file = await (await fixture.Http.ExportAsync(source, format, service)).BodyAsync();
        var imported = JsonDocument.Parse(await (await fixture.Http.ImportAsync(target, file, format, dryRun: false, service)).BodyAsync()).RootElement;

        Assert.Equal(Awkward.Count, imported.GetProperty("results").GetProperty("created").GetInt32());
        var comparison = JsonDocument.Parse(await (await fixture.Http.CompareAsync(source, target)).BodyAsync()).RootElement;
        Assert.Equal(Awkward.Keys.Select(k => $"billing/{k}").Order(StringComparer.Ordinal), comparison.KeysIn("equal"));
        Assert.All(new[] { "only_in_from", "only_in_to", "different", "not_compared" }, list => Assert.Empty(comparison.KeysIn(list)));
        var again = JsonDocument.Parse(await (await fixture.Http.ImportAsync(target, file, format, dryRun: true, service)).BodyAsync()).RootElement;
        Assert.Equal(Awkward.Count, again.GetProperty("plan").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task ADryRunAnswersThePlanAndWritesNothing()
    {
        var (environment, existing, fresh) = ($"dry-{Guid.NewGuid():N}", $"existing-{Guid.NewGuid():N}", $"fresh-{Guid.NewGuid():N}");
        await fixture.Http.CreateAsync(environment, "billing", existing, "before");
        var rowsBefore = (await fixture.Postgres.ChangeRowsAsync()).Count;
        var file = $$$$"""{"billing":{"{{{{existing}}}}":{"value":"after","is_encrypted":false},"{{{{fresh}}}}":{"value":"new","is_encrypted":false}}}""";

        var body = await (await fixture.Http.ImportAsync(environment, file, "json", dryRun: true)).BodyAsync();

        var plan = JsonDocument.Parse(body).RootElement;
        Assert.True(plan.GetProperty("dry_run").GetBoolean());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("results").ValueKind);
        Assert.Equal(
            [(existing, "update"), (fresh, "create")],
            plan.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString()!, i.GetProperty("action").GetString()!)).ToArray());
        Assert.Equal(("before", 1L), await (await fixture.Http.ReadAsync(environment, "billing", existing)).ValueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.ReadAsync(environment, "billing", fresh)).StatusCode);
        Assert.Equal(rowsBefore, (await fixture.Postgres.ChangeRowsAsync()).Count);
        Assert.DoesNotContain("after", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", """{"billing":{"good":{"value":"v","is_encrypted":false},"bad":{"value":"v"}}}""")]
    [InlineData("json", """{"billing":{"good":{"value":"v","is_encrypted":false}}""")]
    [InlineData("json", """{"billing":{"good":{"value":"v","is_encrypted":false,"is_encrypted":true}}}""")]
    [InlineData("yaml", "billing:\n  good:\n    value: \"v\"\n    is_encrypted: false\n  bad: [unclosed\n")]
    [InlineData("yaml", "billing:\n  good:\n    value: \"v\"\n    is_encrypted: maybe\n")]
    [InlineData("dotenv", "good=\"v\"\nbad=\"unterminated\n")]
    [InlineData("dotenv", "good=\"v\"\nbad=\"v\" trailing\n")]
    public async Task AMalformedFileChangesNothing(string format, string file)
    {
        var environment = $"malformed-{Guid.NewGuid():N}";
        var rowsBefore = (await fixture.Postgres.ChangeRowsAsync()).Count;

        using var response = await fixture.Http.ImportAsync(environment, file, format, dryRun: false, service: "billing");

        var body = await response.BodyAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformed_file", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.ReadAsync(environment, "billing", "good")).StatusCode);
        Assert.Equal(rowsBefore, (await fixture.Postgres.ChangeRowsAsync()).Count);
    }

    [Fact]
    public async Task AnImportReportsConflictsSkipsAndInvalidNamesAndNeverAValue()
    {
        var environment = $"plan-{Guid.NewGuid():N}";
        await fixture.Http.CreateAsync(environment, "billing", "protected", "old-secret", encrypted: true);
        var file = """
            {"billing":{
              "protected":{"value":"new-plain","is_encrypted":false},
              "hidden":{"value":null,"is_encrypted":true},
              "bad key":{"value":"bad-value","is_encrypted":false},
              "added":{"value":"added-value","is_encrypted":true}}}
            """;

        var body = await (await fixture.Http.ImportAsync(environment, file, "json", dryRun: false)).BodyAsync();

        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => (i.GetProperty("action").GetString(), i.GetProperty("result").GetString()));
        Assert.Equal(("conflict", "not_applied"), items["protected"]);
        Assert.Equal(("skipped", "not_applied"), items["hidden"]);
        Assert.Equal(("invalid", "not_applied"), items["bad key"]);
        Assert.Equal(("create", "created"), items["added"]);
        Assert.Equal(("old-secret", 1L), await (await fixture.Http.ReadAsync(environment, "billing", "protected")).ValueAsync());
        Assert.All(new[] { "new-plain", "bad-value", "added-value", "old-secret" }, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompareListsKeysOnlyInOneSideDifferingAndEqualWithoutValues()
    {
        var (from, to) = ($"cmp-from-{Guid.NewGuid():N}", $"cmp-to-{Guid.NewGuid():N}");
        await fixture.Http.CreateAsync(from, "api", "same", "same-value");
        await fixture.Http.CreateAsync(to, "api", "same", "same-value");
        await fixture.Http.CreateAsync(from, "api", "changed", "from-value");
        await fixture.Http.CreateAsync(to, "api", "changed", "to-value");
        await fixture.Http.CreateAsync(from, "api", "protection", "same-secret");
        await fixture.Http.CreateAsync(to, "api", "protection", "same-secret", encrypted: true);
        await fixture.Http.CreateAsync(from, "api", "only-from", "x");
        await fixture.Http.CreateAsync(to, "worker", "only-to", "y");

        var body = await (await fixture.Http.CompareAsync(from, to)).BodyAsync();

        var comparison = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["api/only-from"], comparison.KeysIn("only_in_from"));
        Assert.Equal(["worker/only-to"], comparison.KeysIn("only_in_to"));
        Assert.Equal(["api/changed", "api/protection"], comparison.KeysIn("different"));
        Assert.Equal(["api/same"], comparison.KeysIn("equal"));
        var protection = comparison.GetProperty("different").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "protection");
        Assert.False(protection.GetProperty("from").GetProperty("is_encrypted").GetBoolean());
        Assert.True(protection.GetProperty("to").GetProperty("is_encrypted").GetBoolean());
        Assert.Matches("^[0-9a-f]{16}$", protection.GetProperty("from").GetProperty("value_sha256").GetString());
        Assert.All(new[] { "same-value", "from-value", "to-value", "same-secret" }, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
        var oneService = JsonDocument.Parse(await (await fixture.Http.CompareAsync(from, to, "worker")).BodyAsync()).RootElement;
        Assert.Equal(["worker/only-to"], oneService.KeysIn("only_in_to"));
        Assert.Empty(oneService.KeysIn("only_in_from"));
    }

    [Theory]
    [InlineData("export")]
    [InlineData("import")]
    [InlineData("compare")]
    public async Task AConfigKeyNamedLikeAnEnvironmentRouteStillWorksUnderTheConfigApi(string key)
    {
        var environment = $"names-{Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.CreateAsync(environment, "billing", key, "kept")).StatusCode);

        Assert.Equal(("kept", 1L), await (await fixture.Http.ReadAsync(environment, "billing", key)).ValueAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.UpdateAsync(environment, "billing", key, "changed")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Http.DeleteAsync(environment, "billing", key)).StatusCode);
    }

    [Theory]
    [InlineData("json", "application/json", "json")]
    [InlineData("yaml", "application/yaml", "yaml")]
    [InlineData("dotenv", "text/plain", "env")]
    public async Task AnExportIsAFileOfItsFormat(string format, string mediaType, string extension)
    {
        var environment = $"file-{Guid.NewGuid():N}";
        await fixture.Http.CreateAsync(environment, "billing", "plain", "v");

        using var response = await fixture.Http.ExportAsync(environment, format, "billing");

        await response.BodyAsync();
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{environment}-billing.{extension}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("/api/v1/environments/prod/export?format=xml")]
    [InlineData("/api/v1/environments/prod/export?format=dotenv")]
    [InlineData("/api/v1/environments/compare?from=prod")]
    [InlineData("/api/v1/environments/compare?from=prod&to=bad%20name")]
    public async Task ABadQueryIsAProblemWithACode(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        var body = await response.BodyAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }
}
