using System.Security.Claims;
using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Who is asking and what it may do: the actor recorded in the audit trail (<c>key:billing-ci</c>,
/// <c>jwt:&lt;sub&gt;</c>, <c>anonymous</c>) and its grants. Built once per credential and reused by every request
/// that presents it.
/// </summary>
public sealed class CallerPrincipal : ClaimsPrincipal
{
    public const string ActorClaim = "configcluster_actor";

    public CallerPrincipal(string actor, Grants grants, string? authenticationType, string? limitKey = null)
        : base(new ClaimsIdentity([new Claim(ActorClaim, actor)], authenticationType, ActorClaim, null))
    {
        Actor = actor;
        LimitKey = limitKey ?? actor;
        Grants = grants;
        ReadsEverywhere = grants.AllowsEverywhere(AccessActions.Read);
    }

    public string Actor { get; }

    /// <summary>Whose request budget this caller spends: one per key (by id, as names may repeat) or token subject.</summary>
    public string LimitKey { get; }

    public Grants Grants { get; }

    /// <summary>True when reading is allowed everywhere: the hot read path skips matching grants.</summary>
    public bool ReadsEverywhere { get; }

    public bool IsAnonymous => Identity?.IsAuthenticated != true;
}
