namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>The plan for one legacy row and, for a conflict or an invalid row, why (never a value).</summary>
public sealed record RowVerdict(RowAction Action, string? Reason = null)
{
    public static RowVerdict Create { get; } = new(RowAction.Create);

    public static RowVerdict Unchanged { get; } = new(RowAction.Unchanged);
}
