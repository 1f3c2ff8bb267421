using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Kv;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// An auth method's roles by lower-cased name under one lock: LIST role/ (404 when there are none), DELETE
/// (204 whether or not the role existed), and the terms a renewal of one of its tokens asks for.
/// </summary>
internal sealed class RoleTable<TRole>
    where TRole : class, IRole
{
    /// <summary>Held for every read or change of the roles (and of whatever else the method guards with it).</summary>
    public Lock Gate { get; } = new();

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public SortedDictionary<string, TRole> ByName { get; } = new(StringComparer.Ordinal);

    public VaultResponse List(AuthContext context)
    {
        lock (Gate)
        {
            return ByName.Count == 0
                ? VaultErrors.Empty(404)
                : VaultEnvelopeWriter.Write(200, new EnvelopeSpec(context.MountType), ByName.Keys.ToList(), KvListWriter.WriteKeys);
        }
    }

    public VaultResponse Delete(string name)
    {
        lock (Gate)
        {
            ByName.Remove(name);
        }

        return VaultResponse.NoContent;
    }

    public TokenTerms? TermsOf(string name)
    {
        lock (Gate)
        {
            return ByName.TryGetValue(name, out TRole? role) ? role.Token.Terms : null;
        }
    }
}
