using System.Text.Json;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Earlier versions of a config: setting it back to one (rollback, a write) and two side by side (diff, a read).</summary>
public static partial class ConfigApi
{
    private static readonly HashSet<string> RollbackFields = ["version"];

    /// <summary>
    /// <c>POST /{key}/rollback</c> with <c>{"version": N}</c>: version N's value and flag as a new version (200 with the
    /// config). Needs <c>write</c>; rolling an encrypted version back also <c>reveal</c>, since the answer holds its value.
    /// </summary>
    private static async Task<IResult> RollbackAsync(
        string key, HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var address = ConfigQuery.Address(key, RawQuery.Of(http.Request), errors);
        if (Allowed(http, access, address, AccessActions.Write, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var (document, fields) = await JsonBodyReader.ReadObjectAsync(http.Request, RollbackFields, errors, cancellationToken);
        using (document)
        {
            var context = RequestContext.ForConditional(http, caller, errors);
            var version = fields.TryGetValue("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 1 ? n : (long?)null;
            if (version is null && document is not null)
            {
                errors.Add("version", "'version' is required: the positive integer version to roll back to.");
            }

            if (address is null || errors.Any)
            {
                return ConfigProblems.Invalid(errors);
            }

            var result = await configs.Get(address).RollbackAsync(version!.Value, context, cancellationToken);
            return result switch
            {
                { Succeeded: true, Entry.IsEncrypted: true } when !caller.Grants.Allows(address.Environment, address.ServiceName, AccessActions.Reveal) =>
                    TypedResults.Ok(Tagged(http, ConfigResponse.From(result.Entry!).WithoutValue())),
                { Succeeded: true } => ConfigResponseBodies.For(result.Entry!),
                _ => ConfigProblems.From(result, isRead: false),
            };
        }
    }

    /// <summary>
    /// <c>GET /{key}/diff?from=N&amp;to=M</c>: needs <c>read</c>; the values are shown when both sides are plain or the
    /// caller may <c>reveal</c>.
    /// </summary>
    private static async Task<IResult> DiffAsync(
        string key, HttpContext http, ConfigGrainReferences configs, AccessPolicy access, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var address = ConfigQuery.Address(key, query, errors);
        var from = ConfigQuery.Version(query, "from", errors);
        var to = ConfigQuery.Version(query, "to", errors);
        if (Allowed(http, access, address, AccessActions.Read, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        if (from is null && !errors.Has("from"))
        {
            errors.Add("from", "'from' is required: the version to compare from.");
        }

        if (to is null && !errors.Has("to"))
        {
            errors.Add("to", "'to' is required: the version to compare with.");
        }

        if (address is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var diff = await configs.Get(address).DiffAsync(from!.Value, to!.Value, cancellationToken);
        if (diff.Outcome != ConfigOutcome.Ok)
        {
            return ConfigProblems.From(ConfigResult.Fail(diff.Outcome, diff.Detail ?? ""), isRead: true);
        }

        var encrypted = diff.From!.IsEncrypted || diff.To!.IsEncrypted;
        var showValues = !encrypted || caller.Grants.Allows(address.Environment, address.ServiceName, AccessActions.Reveal);
        return TypedResults.Ok(ConfigDiffResponse.Of(diff, showValues));
    }
}
