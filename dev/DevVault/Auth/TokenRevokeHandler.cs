using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// auth/token/revoke-self, revoke (<c>token</c>) and revoke-accessor (<c>accessor</c>): 204 whether or not the
/// token existed, except that an unknown accessor answers 200 with Vault's warning.
/// </summary>
internal static class TokenRevokeHandler
{
    private static readonly FieldSchema TokenSchema = new(("token", FieldType.String));
    private static readonly FieldSchema AccessorSchema = new(("accessor", FieldType.String));

    public static VaultResponse RevokeSelf(DevVaultState state, LogicalRequest request)
    {
        state.Tokens.Revoke(request.Caller!.Id);
        return VaultResponse.NoContent;
    }

    public static VaultResponse Revoke(DevVaultState state, LogicalRequest request) =>
        WithRequired(TokenSchema, request, "token", "missing token ID", (token, warnings) =>
        {
            state.Tokens.Revoke(token);
            return warnings;
        });

    public static VaultResponse RevokeAccessor(DevVaultState state, LogicalRequest request) =>
        WithRequired(AccessorSchema, request, "accessor", "missing accessor", (accessor, warnings) =>
            state.Tokens.RevokeAccessor(accessor) ? warnings : ["No token found with this accessor", .. warnings]);

    /// <summary>Converts the fields, requires <paramref name="name"/>, and answers 204 or the warnings <paramref name="revoke"/> leaves.</summary>
    private static VaultResponse WithRequired(
        FieldSchema schema,
        LogicalRequest request,
        string name,
        string missing,
        Func<string, IReadOnlyList<string>, IReadOnlyList<string>> revoke)
    {
        if (!schema.TryConvert(request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string value = fields.GetString(name);
        return value.Length == 0
            ? VaultErrors.Of(400, missing)
            : VaultEnvelopeWriter.NoContentOrWarnings(EnvelopeSpec.Token, revoke(value, fields.FrameworkWarnings() ?? []));
    }
}
