using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Gateway.Apis;

/// <summary>The comparison of two environments.</summary>
public static partial class EnvironmentApi
{
    /// <summary>
    /// Compares <c>from</c> and <c>to</c> over the services the caller may read in both (with <c>service_name</c>,
    /// that one, which it must be able to read in both). Encrypted values are compared only with <c>reveal</c> in both.
    /// </summary>
    private static async Task<IResult> CompareAsync(HttpContext http, IGrainFactory grains, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var from = ConfigQuery.Single(query, "from", errors);
        var to = ConfigQuery.Single(query, "to", errors);
        var serviceName = ServiceNameOf(query, errors);
        errors.Add(ConfigName.Check("from", from));
        errors.Add(ConfigName.Check("to", to));
        if (CallerMaySomewhere(http, access, AccessActions.Read, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        if (errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var readable = ReadableInBoth(caller.Grants.ServicesAllowing(from!, AccessActions.Read), caller.Grants.ServicesAllowing(to!, AccessActions.Read));
        if (serviceName is { } service ? readable?.Contains(service) == false : readable?.Count == 0)
        {
            return AccessPolicy.Denied(http, caller, AccessActions.Read);
        }

        var (fromConfigs, fromDetail) = await EnvironmentConfigs.ListAsync(grains, from!, serviceName, readable, cancellationToken);
        var (toConfigs, toDetail) = await EnvironmentConfigs.ListAsync(grains, to!, serviceName, readable, cancellationToken);
        if (fromConfigs is null || toConfigs is null)
        {
            return ConfigProblems.Unavailable(fromDetail ?? toDetail, "vault_unavailable");
        }

        var comparison = EnvironmentComparison.Compare(from!, to!, serviceName, fromConfigs, toConfigs,
            address => MayReveal(caller, address) && MayReveal(caller, address with { Environment = address.Environment == from ? to! : from! }));
        return JsonBody.Of(comparison, GatewayJsonContext.Default.EnvironmentCompareResponse);
    }

    /// <summary>The services readable in both environments: null when all are.</summary>
    private static IReadOnlySet<string>? ReadableInBoth(IReadOnlySet<string>? first, IReadOnlySet<string>? second) =>
        (first, second) switch
        {
            (null, _) => second,
            (_, null) => first,
            _ => first.Where(second.Contains).ToHashSet(StringComparer.Ordinal),
        };
}
