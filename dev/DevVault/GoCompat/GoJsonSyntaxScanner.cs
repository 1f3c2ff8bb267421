namespace ConfigCluster.DevVault.GoCompat;

/// <summary>
/// Re-runs Go's encoding/json scanner state machine over a body that failed to parse, to report the
/// first problem with Go's wording (e.g. <c>invalid character '"' after top-level value</c>), plus
/// Vault's nesting-depth limit and its <c>malformed JSON, unclosed containers</c> end-of-input text.
/// </summary>
internal static class GoJsonSyntaxScanner
{
    public const string NestingDepthExceeded = "JSON input exceeds allowed nesting depth";

    /// <summary>Returns the Go error text for the first defect, or null when Go would accept the input.</summary>
    public static string? FindError(ReadOnlySpan<byte> input, int maxDepth)
    {
        var scanner = new GoJsonScannerMachine(maxDepth);
        foreach (byte c in input)
        {
            if (!scanner.Feed(c))
            {
                return scanner.Error;
            }
        }

        return scanner.EndOfInput();
    }
}
