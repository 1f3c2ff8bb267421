namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// Everything one caller may do: the union of its grants. Pure logic, no I/O; built once per credential and
/// asked on every request.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.Grants")]
public sealed record Grants([property: Id(0)] IReadOnlyList<Grant> Items)
{
    public static readonly Grants None = new([]);

    public static readonly Grants Everything = new([Grant.Everything]);

    /// <summary>The actions allowed on one config's environment and service.</summary>
    public AccessActions On(string environment, string serviceName)
    {
        var actions = AccessActions.None;
        foreach (var grant in Items)
        {
            if (grant.Covers(environment, serviceName))
            {
                actions |= grant.Effective;
            }
        }

        return actions;
    }

    public bool Allows(string environment, string serviceName, AccessActions action) => (On(environment, serviceName) & action) == action;

    /// <summary>As <see cref="Allows(string, string, AccessActions)"/> for names still in a request's query (no allocation).</summary>
    public bool Allows(ReadOnlySpan<char> environment, ReadOnlySpan<char> serviceName, AccessActions action)
    {
        foreach (var grant in Items)
        {
            if ((grant.Effective & action) == action && grant.Covers(environment, serviceName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when some grant of <paramref name="environment"/> allows <paramref name="action"/>, on any service: what
    /// reading the environment's flags needs.
    /// </summary>
    public bool AllowsIn(string environment, AccessActions action) =>
        Items.Any(g => g.CoversEnvironment(environment) && (g.Effective & action) == action);

    /// <summary>
    /// The one environment in which <paramref name="action"/> is allowed, when the grants allowing it name exactly
    /// one (not <see cref="Grant.Any"/>); else null.
    /// </summary>
    public string? SoleEnvironment(AccessActions action)
    {
        var environments = Items.Where(g => (g.Effective & action) == action).Select(g => g.Environment).Distinct(StringComparer.Ordinal).ToList();
        return environments is [var sole] && sole != Grant.Any ? sole : null;
    }

    /// <summary>True when some grant allows <paramref name="action"/> anywhere (e.g. reading the service status).</summary>
    public bool AllowsSomewhere(AccessActions action) => Items.Any(g => (g.Effective & action) == action);

    /// <summary>True when <paramref name="action"/> is allowed on every environment and service.</summary>
    public bool AllowsEverywhere(AccessActions action) =>
        Items.Any(g => g.Environment == Grant.Any && g.ServiceName == Grant.Any && (g.Effective & action) == action);

    /// <summary>
    /// The services of <paramref name="environment"/> on which <paramref name="action"/> is allowed: null when it is
    /// allowed on all of them, else the named ones (possibly none).
    /// </summary>
    public IReadOnlySet<string>? ServicesAllowing(string environment, AccessActions action)
    {
        HashSet<string> named = new(StringComparer.Ordinal);
        foreach (var grant in Items)
        {
            if (grant.CoversEnvironment(environment) && (grant.Effective & action) == action)
            {
                if (grant.ServiceName == Grant.Any)
                {
                    return null;
                }

                named.Add(grant.ServiceName);
            }
        }

        return named;
    }
}
