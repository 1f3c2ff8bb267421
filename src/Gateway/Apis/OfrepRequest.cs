using System.Text.Json;
using ConfigCluster.Gateway.Access;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// An OFREP request read: its context and environment, or the OFREP failure (<c>PARSE_ERROR</c> for a body that is
/// not JSON, <c>INVALID_CONTEXT</c> for a context or environment that cannot be used), or the refusal of a caller
/// that may not read the environment it names.
/// </summary>
internal sealed record OfrepRequest(EvaluationContext? Context, string RawContext, string? Environment, OfrepFailure? Failure, IResult? Refusal)
{
    public static async Task<OfrepRequest> ReadAsync(HttpContext http, CallerPrincipal caller, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body,
                new JsonDocumentOptions { MaxDepth = EvaluationContextReader.MaxDepth }, cancellationToken);
        }
        catch (JsonException)
        {
            return Failed(FlagErrorCode.ParseError, "The body is not valid JSON: send {\"context\": {...}} as application/json.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("context", out var contextElement))
            {
                return Failed(FlagErrorCode.InvalidContext, "The body must be a JSON object with a 'context' object.");
            }

            if (EvaluationContextReader.ReadOfrep(contextElement, out var problem) is not { } context)
            {
                return Failed(FlagErrorCode.InvalidContext, problem!);
            }

            return WithEnvironment(http, caller, context, contextElement.GetRawText());
        }
    }

    /// <summary>
    /// The environment: the credential's sole one, else <c>X-Environment</c>, else the context's <c>environment</c>.
    /// A header naming another environment than the credential's is refused, as any environment it may not read.
    /// </summary>
    private static OfrepRequest WithEnvironment(HttpContext http, CallerPrincipal caller, EvaluationContext context, string raw)
    {
        var header = http.Request.Headers[OfrepApi.EnvironmentHeader];
        if (header.Count > 1)
        {
            return Failed(FlagErrorCode.InvalidContext, $"'{OfrepApi.EnvironmentHeader}' must be given once.");
        }

        var environment = caller.Grants.SoleEnvironment(AccessActions.Read) is { } sole && header.Count == 0
            ? sole
            : header.Count == 1 ? header[0] : context.Attribute(OfrepApi.EnvironmentAttribute)?.Text;
        if (environment is null)
        {
            return Failed(FlagErrorCode.InvalidContext,
                $"No environment: send the '{OfrepApi.EnvironmentHeader}' header or a context attribute '{OfrepApi.EnvironmentAttribute}', " +
                "or use a credential limited to one environment.");
        }

        if (!ConfigName.IsValid(environment))
        {
            return Failed(FlagErrorCode.InvalidContext, ConfigName.Check("environment", environment)!.Message);
        }

        return caller.Grants.AllowsIn(environment, AccessActions.Read)
            ? new OfrepRequest(context, raw, environment, null, null)
            : new OfrepRequest(null, raw, null, null, AccessPolicy.Denied(http, caller, AccessActions.Read));
    }

    private static OfrepRequest Failed(FlagErrorCode code, string details) => new(null, "", null, new OfrepFailure(code, details), null);
}
