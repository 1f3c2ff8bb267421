using System.Security.Cryptography;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// config (path_config.go): POST replaces the whole config (kubernetes_host required, the CA must hold a
/// certificate, every pem_keys entry must be an RSA or ECDSA key or certificate); GET reads it (404 before).
/// </summary>
internal static class KubernetesConfigHandler
{
    private static readonly FieldSchema Schema = new(
        ("kubernetes_host", FieldType.String),
        ("kubernetes_ca_cert", FieldType.String),
        ("pem_keys", FieldType.CommaStringSlice),
        ("token_reviewer_jwt", FieldType.String),
        ("issuer", FieldType.String),
        ("disable_iss_validation", FieldType.Bool),
        ("disable_local_ca_jwt", FieldType.Bool),
        ("use_annotations_as_alias_metadata", FieldType.Bool));

    public static VaultResponse Handle(KubernetesBackend backend, AuthContext context) => context.Operation switch
    {
        VaultOperation.Update => Write(backend, context),
        VaultOperation.Read => Read(backend, context),
        _ => VaultErrors.UnsupportedOperation,
    };

    private static VaultResponse Write(KubernetesBackend backend, AuthContext context)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string host = fields.GetString("kubernetes_host");
        if (host.Length == 0)
        {
            return VaultErrors.Of(400, "no host provided");
        }

        string caCert = fields.GetString("kubernetes_ca_cert");
        if (caCert.Length > 0 && !PemEncoding.TryFind(caCert, out _))
        {
            return VaultErrors.Of(400, "The provided CA PEM data contains no valid certificates");
        }

        IReadOnlyList<string> pemKeys = fields.GetStrings("pem_keys");
        List<JwtPublicKey> keys = [];
        foreach (string pem in pemKeys)
        {
            if (JwtPublicKey.Parse(pem) is not { } key)
            {
                return VaultErrors.Of(400, JwtPublicKey.NoValidKey);
            }

            keys.Add(key);
        }

        var config = new KubernetesConfig(
            host,
            caCert,
            pemKeys,
            keys,
            fields.GetString("token_reviewer_jwt"),
            fields.GetString("issuer"),
            !fields.Has("disable_iss_validation") || fields.GetBool("disable_iss_validation"),
            fields.GetBool("disable_local_ca_jwt"),
            fields.GetBool("use_annotations_as_alias_metadata"));
        lock (backend.Roles.Gate)
        {
            backend.Config = config;
        }

        return VaultEnvelopeWriter.NoContentOrWarnings(context.MountType, fields.FrameworkWarnings());
    }

    private static VaultResponse Read(KubernetesBackend backend, AuthContext context)
    {
        KubernetesConfig? config;
        lock (backend.Roles.Gate)
        {
            config = backend.Config;
        }

        if (config is null)
        {
            return VaultErrors.Empty(404);
        }

        return new GoMap()
            .Add("disable_iss_validation", config.DisableIssValidation)
            .Add("disable_local_ca_jwt", config.DisableLocalCaJwt)
            .Add("issuer", config.Issuer)
            .Add("kubernetes_ca_cert", config.CaCert)
            .Add("kubernetes_host", config.Host)
            .Add("pem_keys", config.PemKeys)
            .Add("token_reviewer_jwt_set", config.TokenReviewerJwt.Length > 0)
            .Add("use_annotations_as_alias_metadata", config.UseAnnotationsAsAliasMetadata)
            .Respond(context.MountType);
    }
}
