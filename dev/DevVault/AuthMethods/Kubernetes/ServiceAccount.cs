using System.Text.Json;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// The service account a JWT names (path_login.go serviceAccount): the legacy secret-based claims
/// <c>kubernetes.io/serviceaccount/…</c>, or the projected token's <c>kubernetes.io</c> object, which wins when present.
/// </summary>
internal sealed record ServiceAccount(string Name, string Namespace, string Uid, string SecretName)
{
    private const string Legacy = "kubernetes.io/serviceaccount/";

    /// <summary>Decodes the claims like mapstructure.Decode: a claim of the wrong type is an error (a 500 in Vault).</summary>
    public static ServiceAccount? Read(JsonElement claims, out string error)
    {
        error = "";
        string?[] legacy =
        [
            Text(claims, Legacy + "service-account.name", ref error),
            Text(claims, Legacy + "namespace", ref error),
            Text(claims, Legacy + "service-account.uid", ref error),
            Text(claims, Legacy + "secret.name", ref error),
        ];
        if (error.Length > 0)
        {
            return null;
        }

        var account = new ServiceAccount(legacy[0] ?? "", legacy[1] ?? "", legacy[2] ?? "", legacy[3] ?? "");
        if (!claims.TryGetProperty("kubernetes.io", out JsonElement projected) || projected.ValueKind == JsonValueKind.Null)
        {
            return account;
        }

        if (projected.ValueKind != JsonValueKind.Object)
        {
            error = Undecodable("kubernetes.io", "map", projected);
            return null;
        }

        account = account with { Namespace = Text(projected, "namespace", ref error) ?? "" };
        if (!projected.TryGetProperty("serviceaccount", out JsonElement serviceAccount) || serviceAccount.ValueKind == JsonValueKind.Null)
        {
            return error.Length > 0 ? null : account;
        }

        if (serviceAccount.ValueKind != JsonValueKind.Object)
        {
            error = Undecodable("kubernetes.io.serviceaccount", "map", serviceAccount);
            return null;
        }

        account = account with { Name = Text(serviceAccount, "name", ref error) ?? "", Uid = Text(serviceAccount, "uid", ref error) ?? "" };
        return error.Length > 0 ? null : account;
    }

    private static string? Text(JsonElement parent, string name, ref string error)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        error = error.Length > 0 ? error : Undecodable(name, "string", value);
        return null;
    }

    private static string Undecodable(string name, string expected, JsonElement value)
    {
        string got = value.ValueKind switch
        {
            JsonValueKind.Number => "float64",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Array => "[]interface {}",
            JsonValueKind.Object => "map[string]interface {}",
            _ => "string",
        };
        return $"1 error(s) decoding:\n\n* '{name}' expected type '{expected}', got unconvertible type '{got}'";
    }
}
