using ConfigCluster.Vault.Client.Internal;

namespace ConfigCluster.Vault.Client;

/// <summary>The outcome of a Vault call without a payload.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Error">Vault's error text (multierror wrapping flattened), or a transport description.</param>
/// <param name="HttpStatus">The status Vault answered with; null when no answer arrived.</param>
public sealed record VaultResult(VaultOutcome Outcome, string? Error = null, int? HttpStatus = null)
{
    public bool IsOk => Outcome == VaultOutcome.Ok;

    /// <summary>A 403 whose text says "invalid token": re-authenticate rather than fix a policy.</summary>
    public bool IsInvalidToken => VaultErrorText.IsInvalidToken(Outcome, Error);

    /// <summary>Warnings Vault attached to a successful answer (empty when none).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static VaultResult Ok(int? httpStatus = 204) => new(VaultOutcome.Ok, null, httpStatus);

    public static VaultResult Failure(VaultOutcome outcome, string? error, int? httpStatus = null) =>
        new(outcome, error, httpStatus);

    /// <summary>The same outcome, error and status, for a call that has a payload.</summary>
    public VaultResult<T> As<T>() => new(Outcome, default, Error, HttpStatus) { Warnings = Warnings };

    public override string ToString() =>
        $"VaultResult {{ Outcome = {Outcome}, HttpStatus = {HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, Error = {Error ?? "none"} }}";
}
