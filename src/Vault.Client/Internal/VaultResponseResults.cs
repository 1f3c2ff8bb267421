using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>Reads a payload out of a successful answer; false when the body does not have the expected shape.</summary>
internal delegate bool ResponseParser<T>(VaultResponse response, out T value);

/// <summary>Turns a <see cref="VaultResponse"/> into a public result, logging the outcome once.</summary>
internal static class VaultResponseResults
{
    /// <summary>A result for a call with no payload: success (with warnings) or the classified failure.</summary>
    public static VaultResult ToResult(this VaultResponse response, ILogger logger) =>
        response.IsSuccess ? response.ToSuccess(logger) : response.ToFailure(logger);

    /// <summary>A result for a call with a payload read by <paramref name="parse"/> from a successful answer.</summary>
    public static VaultResult<T> ToResult<T>(this VaultResponse response, ResponseParser<T> parse, ILogger logger)
    {
        if (!response.IsSuccess)
        {
            return response.ToFailure<T>(logger);
        }

        return parse(response, out var value) ? response.ToSuccess(value, logger) : response.Unreadable<T>(logger);
    }

    public static VaultResult ToSuccess(this VaultResponse response, ILogger logger) =>
        VaultResult.Ok(response.Status) with { Warnings = response.Warnings(logger) };

    public static VaultResult<T> ToSuccess<T>(this VaultResponse response, T value, ILogger logger) =>
        VaultResult<T>.Ok(value, response.Status) with { Warnings = response.Warnings(logger) };

    public static VaultResult<T> ToFailure<T>(this VaultResponse response, ILogger logger) =>
        response.ToFailure(logger).As<T>();

    public static VaultResult ToFailure(this VaultResponse response, ILogger logger)
    {
        var (outcome, error) = VaultOutcomeClassifier.Classify(response);
        Log(logger, response, outcome, error);
        return VaultResult.Failure(outcome, error, response.Status);
    }

    /// <summary>A success status whose body does not have the expected shape: treated as a misconfigured address.</summary>
    public static VaultResult<T> Unreadable<T>(this VaultResponse response, ILogger logger)
    {
        logger.UnreadableBody(response.Request.Method.Method, response.Request.Path, response.Status ?? 0);
        return VaultResult<T>.Failure(VaultOutcome.Rejected, "Vault's answer did not have the expected shape", response.Status);
    }

    private static IReadOnlyList<string> Warnings(this VaultResponse response, ILogger logger)
    {
        if (!response.TryGetJson(out var root))
        {
            return [];
        }

        var warnings = VaultEnvelope.Warnings(root);
        if (warnings.Count > 0)
        {
            logger.Warnings(response.Request.Method.Method, response.Request.Path, warnings.Count);
        }

        return warnings;
    }

    private static void Log(ILogger logger, VaultResponse response, VaultOutcome outcome, string error)
    {
        var (method, path) = (response.Request.Method.Method, response.Request.Path);
        switch (outcome)
        {
            case VaultOutcome.Unavailable:
                logger.Unavailable(method, path, response.Status);
                break;
            case VaultOutcome.PermissionDenied:
                logger.PermissionDenied(method, path, response.Status, VaultErrorText.Has(error, VaultErrorText.InvalidToken));
                break;
            case VaultOutcome.Rejected:
                logger.Rejected(method, path, response.Status);
                break;
            default:
                logger.Outcome(method, path, outcome, response.Status);
                break;
        }
    }
}
