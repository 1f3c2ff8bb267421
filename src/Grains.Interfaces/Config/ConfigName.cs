using System.Buffers;

namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// The naming rule for environment, service_name and key (decision 9): 1 to 128 characters of
/// <c>A-Z a-z 0-9 . _ -</c>, and neither <c>.</c> nor <c>..</c>. Such a name is always one safe
/// Vault path segment.
/// </summary>
public static class ConfigName
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static NameProblem? Check(string field, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return new NameProblem(field, $"'{field}' is required.");
        }

        if (name.Length > MaxLength)
        {
            return new NameProblem(field, $"'{field}' must be at most {MaxLength} characters.");
        }

        if (name is "." or "..")
        {
            return new NameProblem(field, $"'{field}' must not be '.' or '..'.");
        }

        if (name.AsSpan().ContainsAnyExcept(Allowed))
        {
            return new NameProblem(field, $"'{field}' may contain only letters A-Z and a-z, digits, '.', '_' and '-'.");
        }

        return null;
    }

    public static bool IsValid(string? name) => Check("name", name) is null;
}
