using System.Text.Json;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The two body shapes Vault sends (vault-kv-contract §1.5, §1.6): the response envelope
/// (<c>data</c>, <c>warnings</c>, <c>auth</c>, ...) and the error body <c>{"errors":[...]}</c>.
/// </summary>
internal static class VaultEnvelope
{
    public static bool TryGetData(JsonElement root, out JsonElement data) =>
        root.TryGet("data", JsonValueKind.Object, out data);

    public static bool TryGetAuth(JsonElement root, out JsonElement auth) =>
        root.TryGet("auth", JsonValueKind.Object, out auth);

    public static IReadOnlyList<string> Warnings(JsonElement root) => root.GetStringList("warnings");

    /// <summary>True when the body is an error body; <paramref name="errors"/> may be empty (<c>{"errors":[]}</c>).</summary>
    public static bool TryGetErrors(JsonElement root, out IReadOnlyList<string> errors)
    {
        errors = [];
        if (!root.TryGet("errors", JsonValueKind.Array, out _))
        {
            return false;
        }

        errors = root.GetStringList("errors");
        return true;
    }
}
