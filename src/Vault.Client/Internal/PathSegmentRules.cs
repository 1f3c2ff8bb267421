using System.Globalization;
using System.Text;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The client-side path rules of vault-kv-contract §3.12: a segment is non-empty, not <c>.</c> or
/// <c>..</c>, holds no <c>/</c>, and every rune is printable by Go's <c>unicode.IsPrint</c>
/// (letters, marks, numbers, punctuation, symbols and the ASCII space). Vault answers 400 with an
/// empty body for anything else, and dot/empty segments alias metadata, so they never leave the client.
/// </summary>
internal static class PathSegmentRules
{
    /// <summary>Returns null when the segment is acceptable, otherwise a description of the problem (no value echoed).</summary>
    public static string? Check(string? segment, int index)
    {
        if (string.IsNullOrEmpty(segment))
        {
            return $"segment {index} is empty";
        }

        if (segment is "." or "..")
        {
            return $"segment {index} is a dot segment ('.' or '..')";
        }

        if (segment.Contains('/', StringComparison.Ordinal))
        {
            return $"segment {index} contains '/'";
        }

        return HasOnlyPrintableRunes(segment) ? null : $"segment {index} contains a control, format, separator or non-printable character";
    }

    private static bool HasOnlyPrintableRunes(string segment)
    {
        var remaining = segment.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (!IsPrintable(rune))
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
