using System.Text.Json;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>The KV v2 answers, including the 404-with-data quirk (raw bodies, no trailing newline).</summary>
internal static class Kv2Responses
{
    private static readonly JsonEncodedText Data = Json.VaultJson.Name("data");
    private static readonly JsonEncodedText Metadata = Json.VaultJson.Name("metadata");

    public static VaultResponse NotFound { get; } = VaultErrors.Empty(404);

    public static VaultResponse NoData { get; } = VaultErrors.Of(400, "no data provided");

    /// <summary>GET data: 200 with data+metadata, or raw 404 with data null when deleted/destroyed.</summary>
    public static VaultResponse Read(Kv2VersionView view, DateTimeOffset now)
    {
        bool gone = view.Version.IsDeleted(now) || view.Version.Destroyed || view.Version.Data is null;
        return gone
            ? VaultEnvelopeWriter.Write(404, EnvelopeSpec.KvRaw(), (view, gone), WriteReadData)
            : VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv), (view, gone), WriteReadData);
    }

    /// <summary>Write/patch success: the new version's metadata, flat.</summary>
    public static VaultResponse Written(Kv2VersionView view, IReadOnlyList<string>? warnings) =>
        VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv, warnings), view, Kv2Json.WriteVersionMetadata);

    /// <summary>PATCH on a deleted/destroyed current version: raw 404 whose data is the flat version metadata.</summary>
    public static VaultResponse PatchGone(Kv2VersionView view) =>
        VaultEnvelopeWriter.Write(404, EnvelopeSpec.KvRaw(), view, Kv2Json.WriteVersionMetadata);

    /// <summary>204, or 200 with warnings only (the handler returned nothing but the framework warned).</summary>
    public static VaultResponse NoContentOrWarnings(IReadOnlyList<string>? warnings) =>
        VaultEnvelopeWriter.NoContentOrWarnings(EnvelopeSpec.Kv, warnings);

    private static void WriteReadData(Utf8JsonWriter writer, (Kv2VersionView View, bool Gone) read)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Data);
        if (read.Gone)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(read.View.Version.Data!, skipInputValidation: true);
        }

        writer.WritePropertyName(Metadata);
        Kv2Json.WriteVersionMetadata(writer, read.View);
        writer.WriteEndObject();
    }
}
