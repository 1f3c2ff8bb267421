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

    public static VaultResponse Revoke(DevVaultState state, LogicalRequest request)
    {
        if (!TokenSchema.TryConvert(request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string token = fields.GetString("token");
        if (token.Length == 0)
        {
            return VaultErrors.Of(400, "missing token ID");
        }

        state.Tokens.Revoke(token);
        return VaultEnvelopeWriter.NoContentOrWarnings(EnvelopeSpec.Token, fields.FrameworkWarnings());
    }

    public static VaultResponse RevokeAccessor(DevVaultState state, LogicalRequest request)
    {
        if (!AccessorSchema.TryConvert(request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string accessor = fields.GetString("accessor");
        if (accessor.Length == 0)
        {
            return VaultErrors.Of(400, "missing accessor");
        }

        List<string> warnings = state.Tokens.RevokeAccessor(accessor) ? [] : ["No token found with this accessor"];
        warnings.AddRange(fields.FrameworkWarnings() ?? []);
        return VaultEnvelopeWriter.NoContentOrWarnings(EnvelopeSpec.Token, warnings);
    }
}
