using System.Text.Json;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// A mount table answer (sys/mounts, sys/auth): every entry in <c>data</c>, each also copied to the top level
/// of the body before the envelope fields (Vault's injectDataIntoTopRoutes); mount_type "system".
/// </summary>
internal static class MountListing
{
    public static VaultResponse Respond(IReadOnlyList<MountListingEntry> entries) =>
        VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.System), entries, WriteObject, WriteEntries);

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<MountListingEntry> entries)
    {
        writer.WriteStartObject();
        WriteEntries(writer, entries);
        writer.WriteEndObject();
    }

    private static void WriteEntries(Utf8JsonWriter writer, IReadOnlyList<MountListingEntry> entries)
    {
        foreach (MountListingEntry entry in entries.OrderBy(entry => entry.Path, StringComparer.Ordinal))
        {
            writer.WritePropertyName(entry.Path);
            entry.WriteInfo(writer);
        }
    }
}

/// <summary>One mount of a listing: its path and how to write its info object.</summary>
internal sealed record MountListingEntry(string Path, Action<Utf8JsonWriter> WriteInfo);
