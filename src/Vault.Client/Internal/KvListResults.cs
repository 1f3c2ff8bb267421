using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>LIST answers of KV v1 and v2 (vault-kv-contract §3.9): a 404 <c>{"errors":[]}</c> is an empty folder, not an error.</summary>
internal static class KvListResults
{
    public static VaultResult<IReadOnlyList<string>> From(VaultResponse response, ILogger logger)
    {
        if (response.IsSuccess)
        {
            return KvResponseParser.TryParseKeys(response, out var keys)
                ? response.ToSuccess(keys, logger)
                : response.Unreadable<IReadOnlyList<string>>(logger);
        }

        var failure = response.ToFailure(logger);
        return failure.Outcome == VaultOutcome.NotFound
            ? VaultResult<IReadOnlyList<string>>.Ok([], response.Status)
            : failure.As<IReadOnlyList<string>>();
    }
}
