using ConfigCluster.Vault.Client.Internal;

namespace ConfigCluster.Vault.Client;

/// <summary>The outcome of a Vault call with a payload. <see cref="ToString"/> never prints the value.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Value">The payload when <see cref="IsOk"/>; for VersionDeleted/VersionDestroyed the version's metadata.</param>
/// <param name="Error">Vault's error text (multierror wrapping flattened), or a transport description.</param>
/// <param name="HttpStatus">The status Vault answered with; null when no answer arrived.</param>
public sealed record VaultResult<T>(VaultOutcome Outcome, T? Value = default, string? Error = null, int? HttpStatus = null)
{
    public bool IsOk => Outcome == VaultOutcome.Ok;

    /// <summary>A 403 whose text says "invalid token": re-authenticate rather than fix a policy.</summary>
    public bool IsInvalidToken => VaultErrorText.IsInvalidToken(Outcome, Error);

    /// <summary>Warnings Vault attached to a successful answer (empty when none).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static VaultResult<T> Ok(T? value, int? httpStatus = 200) => new(VaultOutcome.Ok, value, null, httpStatus);

    public static VaultResult<T> Failure(VaultOutcome outcome, string? error, int? httpStatus = null) =>
        new(outcome, default, error, httpStatus);

    /// <summary>The same outcome, error and status without the payload.</summary>
    public VaultResult WithoutValue() => new(Outcome, Error, HttpStatus) { Warnings = Warnings };

    public override string ToString() =>
        $"VaultResult<{typeof(T).Name}> {{ Outcome = {Outcome}, HttpStatus = " +
        $"{HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, Error = {Error ?? "none"}, " +
        $"HasValue = {Value is not null} }}";
}
