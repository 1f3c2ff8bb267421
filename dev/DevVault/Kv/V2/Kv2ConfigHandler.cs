using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// {mount}/config: GET reads, POST/PUT sets max_versions, cas_required and delete_version_after
/// (0 clears it, a negative value disables delete-version-after for every key and reads back "-1s").
/// </summary>
internal static class Kv2ConfigHandler
{
    private static readonly FieldSchema Schema = new(
        ("max_versions", FieldType.Int),
        ("cas_required", FieldType.Bool),
        ("delete_version_after", FieldType.SignedDurationSecond));

    public static VaultResponse Handle(Kv2Context context)
    {
        if (context.Operation is not (VaultOperation.Read or VaultOperation.Update))
        {
            return VaultErrors.UnsupportedOperation;
        }

        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (context.Store.Gate)
        {
            Kv2Config config = context.Store.Config;
            if (context.Operation == VaultOperation.Read)
            {
                return VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv), config, WriteConfig);
            }

            Apply(config, fields);
            context.Store.Journal.ConfigChanged(config);
        }

        return Kv2Responses.NoContentOrWarnings(fields.FrameworkWarnings());
    }

    private static void Apply(Kv2Config config, FieldData fields)
    {
        if (fields.Has("max_versions"))
        {
            config.MaxVersions = unchecked((uint)fields.GetInt("max_versions"));
        }

        if (fields.Has("cas_required"))
        {
            config.CasRequired = fields.GetBool("cas_required");
        }

        if (fields.Has("delete_version_after"))
        {
            long seconds = fields.GetSeconds("delete_version_after");
            config.DeleteVersionAfterSeconds = seconds < 0 ? Kv2Config.DeleteVersionAfterDisabled : seconds;
        }
    }

    private static void WriteConfig(Utf8JsonWriter writer, Kv2Config config)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("cas_required", config.CasRequired);
        writer.WriteString("delete_version_after", GoTime.FormatSeconds(config.DeleteVersionAfterSeconds));
        writer.WriteNumber("max_versions", config.MaxVersions);
        writer.WriteEndObject();
    }
}
