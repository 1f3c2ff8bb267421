namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>The flags the OFREP tests evaluate, one per reason and error, in environment <see cref="Environment"/>.</summary>
public static class OfrepFlags
{
    public const string Environment = "ofrep";

    public static readonly (string Key, string Members)[] All =
    [
        ("on-for-all", "\"enabled\": true, \"default_variant\": \"on\""),
        ("disabled", "\"enabled\": false, \"target_users\": [\"u-1\"]"),
        ("targeted", "\"enabled\": true, \"target_users\": [\"u-1\"]"),
        ("rollout", "\"enabled\": true, \"rollout_percentage\": 100"),
        ("typed", """
            "enabled": true, "variants": {"small": "s", "large": {"size": 10}}, "default_variant": "small",
            "rules": [{"attribute": "plan", "operator": "equals", "values": ["pro"], "serve": {"variant": "large"}}]
            """),
        ("adults", """
            "enabled": true, "rules": [{"attribute": "age", "operator": "gt", "values": ["17"], "serve": {"variant": "on"}}]
            """),
    ];

    /// <summary>Creates every flag; a flag already there with the same definition is fine (a create is safe to repeat).</summary>
    public static async Task CreateAsync(HttpClient http, string environment = Environment)
    {
        foreach (var (key, members) in All)
        {
            var response = await http.CreateFlagAsync(FlagApi.Flag(environment, key, members));
            Assert.True(response.IsSuccessStatusCode, $"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
