using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// One feature flag, keyed "environment/key" (<see cref="FlagGrainExtensions.GetFlagGrain"/>). The only writer of
/// its row: writes run one at a time, each validated, audited and announced to every silo by the store. A write
/// may be conditional on the version the caller last saw (<c>ifMatch</c>); evaluations never come here.
/// </summary>
[Alias("ConfigCluster.IFlagGrain")]
public interface IFlagGrain : IGrainWithStringKey
{
    /// <summary>The flag as stored now (PostgreSQL), or NotFound.</summary>
    [ReadOnly, Alias("Get")]
    Task<FlagResult> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the flag; AlreadyExists when it exists. Its environment and key must be this grain's.</summary>
    [Alias("Create")]
    Task<FlagResult> CreateAsync(FlagDefinition flag, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole definition. A definition equal to the stored one changes nothing and answers Ok.</summary>
    [Alias("Replace")]
    Task<FlagResult> ReplaceAsync(FlagDefinition flag, long? ifMatch, ChangeContext context, CancellationToken cancellationToken = default);

    /// <summary>Applies an RFC 7396 JSON merge patch to the flag's definition (its API shape), then as a replace.</summary>
    [Alias("Patch")]
    Task<FlagResult> PatchAsync(string mergePatchJson, long? ifMatch, ChangeContext context, CancellationToken cancellationToken = default);

    [Alias("Delete")]
    Task<FlagResult> DeleteAsync(long? ifMatch, ChangeContext context, CancellationToken cancellationToken = default);
}
