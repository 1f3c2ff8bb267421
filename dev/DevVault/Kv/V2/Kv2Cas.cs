using System.Text.Json;
using ConfigCluster.DevVault.Fields;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>The plugin's validateCheckAndSetOption.</summary>
internal static class Kv2Cas
{
    /// <summary>The error message, or null when the write may proceed.</summary>
    public static string? Check(FieldData fields, Kv2Config config, Kv2Key key)
    {
        if (fields.GetMap("options") is { } options && options.TryGetProperty("cas", out JsonElement cas))
        {
            if (!GoWeakDecode.TryInt(FieldValue.FromJson(cas), out long expected, out _))
            {
                return "error parsing check-and-set parameter";
            }

            return unchecked((ulong)expected) == key.CurrentVersion
                ? null
                : "check-and-set parameter did not match the current version";
        }

        return config.CasRequired || key.CasRequired ? "check-and-set parameter required for this call" : null;
    }
}
