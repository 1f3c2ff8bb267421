using System.Text;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Grains.Config;
using ConfigCluster.Grains.Interfaces.Access;

namespace ConfigCluster.Gateway.Apis;

/// <summary>The import of an environment file: its plan, and unless it is a dry run, the plan applied key by key.</summary>
public static partial class EnvironmentApi
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the whole file before anything else: a malformed one is a 400 and nothing is read or written. The
    /// caller needs <c>write</c> on every service the file touches (with <c>service_name</c>, only that service of
    /// the file is imported). <c>dry_run</c> (default true) answers the plan only; a real run creates or updates
    /// each planned key through its grain and reports each key's result.
    /// </summary>
    private static async Task<IResult> ImportAsync(
        string environment, HttpContext http, IGrainFactory grains, ConfigGrainReferences configs, AccessPolicy access, ILogger logger,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var query = RawQuery.Of(http.Request);
        var serviceName = ServiceNameOf(query, errors);
        var dryRun = DryRunOf(query, errors);
        var format = EnvironmentFormats.OfBody(http.Request, EnvironmentFormats.FromQuery(query, errors), errors);
        errors.Add(ConfigName.Check("environment", environment));
        if (format is { } chosen)
        {
            RequireServiceForDotenv(chosen, serviceName, errors);
        }

        if (http.Request.Headers.ContainsKey(RequestContext.IdempotencyKeyHeader))
        {
            errors.Add(RequestContext.IdempotencyKeyHeader, "An import takes no idempotency key: its dry run shows what running it again would change.");
        }

        if (CallerMaySomewhere(http, access, AccessActions.Write, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var text = errors.Any ? null : await TextOfAsync(http.Request, errors, cancellationToken);
        var entries = text is null ? null : EnvironmentFile.Read(format!.Value, text, serviceName, out var malformed) switch
        {
            null => Malformed(errors, malformed!),
            var read => read.Where(e => serviceName is null || e.ServiceName == serviceName).ToList(),
        };
        if (entries is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var services = entries.Select(e => e.ServiceName).Where(ConfigName.IsValid).ToHashSet(StringComparer.Ordinal);
        if (services.FirstOrDefault(s => !caller.Grants.Allows(environment, s, AccessActions.Write)) is not null)
        {
            return AccessPolicy.Denied(http, caller, AccessActions.Write);
        }

        var (current, detail) = services.Count == 0
            ? ([], null)
            : await EnvironmentConfigs.ListAsync(grains, environment, serviceName, services, cancellationToken);
        if (current is null)
        {
            return ConfigProblems.Unavailable(detail, "vault_unavailable");
        }

        var items = EnvironmentImportPlan.Make(entries, current,
            config => caller.Grants.Allows(environment, config.Address.ServiceName, config.IsEncrypted ? AccessActions.Read | AccessActions.Reveal : AccessActions.Read));
        var context = new ChangeContext(caller.Actor, RequestContext.RequestIdOf(http));
        var results = dryRun ? null : await ApplyAsync(environment, entries, items, configs, context, logger, cancellationToken);
        var response = new EnvironmentImportResponse(environment, format!.Value.Name(), dryRun,
            CountsOf(items.Select(i => i.Action)), results is null ? null : CountsOf(results.Select(i => i.Result!)), results ?? items);
        return JsonBody.Of(response, GatewayJsonContext.Default.EnvironmentImportResponse);
    }

    private static async Task<List<EnvironmentImportItem>> ApplyAsync(
        string environment, IReadOnlyList<EnvironmentEntry> entries, List<EnvironmentImportItem> plan, ConfigGrainReferences configs,
        ChangeContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var results = new List<EnvironmentImportItem>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            var (entry, item) = (entries[i], plan[i]);
            if (item.Action is not (EnvironmentImportPlan.Create or EnvironmentImportPlan.Update))
            {
                results.Add(item.Done(item.Action == EnvironmentImportPlan.Unchanged ? "unchanged" : "not_applied"));
                continue;
            }

            var grain = configs.Get(new ConfigAddress(environment, entry.ServiceName, entry.Key));
            var change = new ConfigChange(entry.Value!, entry.IsEncrypted, context);
            var result = item.Action == EnvironmentImportPlan.Create
                ? await grain.CreateAsync(change, cancellationToken)
                : await grain.UpdateAsync(change, cancellationToken);
            if (result.Succeeded)
            {
                results.Add(item.Done(item.Action == EnvironmentImportPlan.Create ? "created" : "updated"));
                continue;
            }

            logger.ImportFailed(environment, entry.ServiceName, entry.Key, context.RequestId, result.Outcome);
            results.Add(item.Done("failed", ReasonOf(result)));
        }

        var counts = CountsOf(results.Select(r => r.Result!));
        logger.Imported(environment, context.Actor, context.RequestId, counts.GetValueOrDefault("created"), counts.GetValueOrDefault("updated"),
            counts.GetValueOrDefault("unchanged"), counts.GetValueOrDefault("failed"), counts.GetValueOrDefault("not_applied"));
        return results;
    }

    /// <summary>The problem code a single write would have answered, and the grain's detail (safe to show: never a value).</summary>
    private static string ReasonOf(ConfigResult result) =>
        $"{ConfigProblems.From(result, isRead: false).ProblemDetails.Extensions["code"]}: {result.Detail}";

    private static bool DryRunOf(RawQuery query, RequestErrors errors)
    {
        switch (ConfigQuery.Single(query, "dry_run", errors))
        {
            case null or "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add("dry_run", "'dry_run' must be 'true' or 'false'.");
                return true;
        }
    }

    /// <summary>The body as text, or null with a 400 <c>invalid_encoding</c> when it is not UTF-8.</summary>
    private static async Task<string?> TextOfAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        try
        {
            var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return text.StartsWith('\ufeff') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            errors.Code = "invalid_encoding";
            errors.Add("body", BodyEncoding.NotText);
            return null;
        }
    }

    private static List<EnvironmentEntry>? Malformed(RequestErrors errors, string why)
    {
        errors.Code = "malformed_file";
        errors.Add("body", why);
        return null;
    }

    private static Dictionary<string, int> CountsOf(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
