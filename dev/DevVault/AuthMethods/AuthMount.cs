using System.Security.Cryptography;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>One entry of the auth table: <c>token/</c>, or an enabled method with its backend.</summary>
internal sealed class AuthMount
{
    public AuthMount(string path, string type, string description, AuthMethod? method)
    {
        Path = path;
        Type = type;
        Description = description;
        Method = method;
        Accessor = $"auth_{type}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        Uuid = Guid.NewGuid().ToString();
    }

    /// <summary>Below <c>auth/</c>, with a trailing slash: <c>approle/</c>, <c>team/k8s/</c>.</summary>
    public string Path { get; }

    public string Type { get; }

    public string Description { get; }

    public string Accessor { get; }

    public string Uuid { get; }

    /// <summary>Null for the token store, which is routed on its own.</summary>
    public AuthMethod? Method { get; }

    public IAuthBackend? Backend => Method?.Backend;
}
