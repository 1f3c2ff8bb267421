using System.Buffers;
using System.Text.Json;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// Writes logical.HTTPResponse in Go struct order:
/// request_id, lease_id, renewable, lease_duration, data, wrap_info, warnings, auth, mount_type.
/// </summary>
internal static class VaultEnvelopeWriter
{
    private static readonly JsonEncodedText RequestId = VaultJson.Name("request_id");
    private static readonly JsonEncodedText LeaseId = VaultJson.Name("lease_id");
    private static readonly JsonEncodedText Renewable = VaultJson.Name("renewable");
    private static readonly JsonEncodedText LeaseDuration = VaultJson.Name("lease_duration");
    private static readonly JsonEncodedText Data = VaultJson.Name("data");
    private static readonly JsonEncodedText WrapInfo = VaultJson.Name("wrap_info");
    private static readonly JsonEncodedText Warnings = VaultJson.Name("warnings");
    private static readonly JsonEncodedText Auth = VaultJson.Name("auth");
    private static readonly JsonEncodedText MountType = VaultJson.Name("mount_type");

    /// <summary>An envelope whose <c>data</c> is null (warnings-only answers).</summary>
    public static VaultResponse Write(int status, EnvelopeSpec spec) =>
        Write<object?>(status, spec, null, null);

    /// <summary>204, or 200 with warnings only (the handler returned nothing but warned, or the framework did).</summary>
    public static VaultResponse NoContentOrWarnings(string mountType, IReadOnlyList<string>? warnings) =>
        warnings is { Count: > 0 } ? Write(200, new EnvelopeSpec(mountType, warnings)) : VaultResponse.NoContent;

    /// <summary>
    /// An envelope whose <c>data</c> is written by <paramref name="writeData"/> (null writes <c>null</c>);
    /// <paramref name="writeTopLevel"/> writes extra leading properties (sys/mounts injection).
    /// </summary>
    public static VaultResponse Write<TState>(
        int status,
        EnvelopeSpec spec,
        TState state,
        Action<Utf8JsonWriter, TState>? writeData,
        Action<Utf8JsonWriter, TState>? writeTopLevel = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (Utf8JsonWriter writer = VaultJson.CreateWriter(buffer))
        {
            writer.WriteStartObject();
            writeTopLevel?.Invoke(writer, state);
            writer.WriteString(RequestId, Guid.NewGuid().ToString());
            writer.WriteString(LeaseId, "");
            writer.WriteBoolean(Renewable, false);
            writer.WriteNumber(LeaseDuration, spec.LeaseDuration);
            writer.WritePropertyName(Data);
            WriteData(writer, state, writeData);
            writer.WriteNull(WrapInfo);
            WriteWarnings(writer, spec.Warnings);
            if (spec.Auth is null)
            {
                writer.WriteNull(Auth);
            }
            else
            {
                writer.WritePropertyName(Auth);
                AuthBlockWriter.Write(writer, spec.Auth);
            }

            writer.WriteString(MountType, spec.MountType);
            writer.WriteEndObject();
        }

        if (!spec.Raw)
        {
            buffer.Write("\n"u8);
        }

        return new VaultResponse(status, buffer.WrittenMemory);
    }

    private static void WriteData<TState>(Utf8JsonWriter writer, TState state, Action<Utf8JsonWriter, TState>? writeData)
    {
        if (writeData is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writeData(writer, state);
        }
    }

    private static void WriteWarnings(Utf8JsonWriter writer, IReadOnlyList<string>? warnings)
    {
        if (warnings is null || warnings.Count == 0)
        {
            writer.WriteNull(Warnings);
            return;
        }

        writer.WriteStartArray(Warnings);
        foreach (string warning in warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
    }
}
