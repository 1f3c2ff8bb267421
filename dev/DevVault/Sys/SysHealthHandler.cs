using System.Globalization;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;
using Microsoft.AspNetCore.Http;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// GET|HEAD sys/health (unauthenticated). A dev server is always initialised, active and never a
/// standby, so only <c>sealedcode</c> and <c>activecode</c> can apply; every other parameter is still
/// validated like Vault does (non-integer codes or non-bool standbyok → 400 <c>{"errors":[]}</c>).
/// </summary>
internal static class SysHealthHandler
{
    private static readonly string[] CodeParameters =
    [
        "activecode", "standbycode", "drsecondarycode", "performancestandbycode",
        "haunhealthycode", "removedcode", "sealedcode", "uninitcode",
    ];

    public static VaultResponse Handle(HttpContext context, DevVaultState state)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return VaultErrors.Empty(405);
        }

        IQueryCollection query = context.Request.Query;
        if (!ParametersAreValid(query))
        {
            return VaultErrors.Empty(400);
        }

        bool sealedNow = state.IsSealed;
        int status = sealedNow ? Code(query, "sealedcode", 503) : Code(query, "activecode", 200);
        var body = new HealthBody(state, sealedNow, state.Time.GetUtcNow().ToUnixTimeSeconds());
        return new VaultResponse(status, VaultJson.Serialize(body, WriteBody).Append((byte)'\n').ToArray());
    }

    private static bool ParametersAreValid(IQueryCollection query)
    {
        foreach (string name in CodeParameters)
        {
            if (query.TryGetValue(name, out var value) && !TryParseCode(value.ToString(), out _))
            {
                return false;
            }
        }

        return BoolIsValid(query, "standbyok") && BoolIsValid(query, "perfstandbyok");
    }

    private static bool BoolIsValid(IQueryCollection query, string name) =>
        !query.TryGetValue(name, out var value) || GoStrconv.TryParseBool(value[0] ?? "", out _, out _);

    private static int Code(IQueryCollection query, string name, int fallback) =>
        query.TryGetValue(name, out var value) && TryParseCode(value[0] ?? "", out int code) ? code : fallback;

    // strconv.Atoi, restricted to what an HTTP status line can carry.
    private static bool TryParseCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 999;

    private static void WriteBody(Utf8JsonWriter writer, HealthBody body)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("initialized", true);
        writer.WriteBoolean("sealed", body.Sealed);
        writer.WriteBoolean("standby", body.Sealed);
        writer.WriteBoolean("performance_standby", false);
        writer.WriteString("replication_performance_mode", body.Sealed ? "unknown" : "disabled");
        writer.WriteString("replication_dr_mode", body.Sealed ? "unknown" : "disabled");
        writer.WriteNumber("server_time_utc", body.ServerTime);
        writer.WriteString("version", VaultIdentity.Version);
        writer.WriteBoolean("enterprise", false);
        if (!body.Sealed)
        {
            writer.WriteString("cluster_name", body.State.ClusterName);
            writer.WriteString("cluster_id", body.State.ClusterId);
        }

        writer.WriteNumber("echo_duration_ms", 0);
        writer.WriteNumber("clock_skew_ms", 0);
        writer.WriteNumber("replication_primary_canary_age_ms", 0);
        if (!body.Sealed)
        {
            writer.WriteBoolean("removed_from_cluster", false);
        }

        writer.WriteEndObject();
    }

    private readonly record struct HealthBody(DevVaultState State, bool Sealed, long ServerTime);
}
