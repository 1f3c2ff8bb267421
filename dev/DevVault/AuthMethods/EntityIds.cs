using System.Collections.Concurrent;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// The identity store, cut down to what logins report: one entity id for each alias (an auth mount's accessor
/// and the alias name the method gives a login, e.g. an AppRole role_id or a service account uid).
/// </summary>
internal sealed class EntityIds
{
    private readonly ConcurrentDictionary<(string MountAccessor, string AliasName), string> _entities = new();

    public string For(string mountAccessor, string aliasName) =>
        _entities.GetOrAdd((mountAccessor, aliasName), static _ => Guid.NewGuid().ToString());
}
