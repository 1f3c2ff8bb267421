using System.Text.RegularExpressions;

namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>
/// Where legacy configs are read: a table (optionally <c>schema.table</c>) and the names of its columns. Each name
/// is a plain SQL identifier (letters, digits, <c>_</c>, at most 63 characters), so it can be quoted safely.
/// </summary>
public sealed partial record LegacyTable(
    string Table,
    string Key,
    string Value,
    string Environment,
    string ServiceName,
    string IsEncrypted)
{
    public static LegacyTable Default { get; } = new("configs", "key", "value", "environment", "service_name", "is_encrypted");

    /// <summary>The column fields as the request names them, with their names here.</summary>
    public IEnumerable<(string Field, string Column)> Columns =>
    [
        ("key", Key), ("value", Value), ("environment", Environment), ("service_name", ServiceName), ("is_encrypted", IsEncrypted),
    ];

    /// <summary>Null when <paramref name="name"/> may name a table (<paramref name="qualified"/>: also <c>schema.table</c>), else why not.</summary>
    public static string? CheckIdentifier(string name, bool qualified) =>
        (qualified ? QualifiedIdentifier() : Identifier()).IsMatch(name)
            ? null
            : qualified
                ? "must be a table name, optionally schema-qualified: letters, digits and '_', not starting with a digit, at most 63 characters each."
                : "must be a column name: letters, digits and '_', not starting with a digit, at most 63 characters.";

    public override string ToString() => Table;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?$")]
    private static partial Regex QualifiedIdentifier();
}
