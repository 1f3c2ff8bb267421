using System.Buffers;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Semantic versions as semver.org 2.0.0 defines them (<c>MAJOR.MINOR.PATCH[-pre.release][+build]</c>, no
/// leading zeros in numeric identifiers), with an optional leading <c>v</c>. Precedence: the three numbers,
/// then a pre-release sorts before its release, identifier by identifier (numeric ones numerically and below
/// alphanumeric ones, which compare in ASCII order; a longer list wins a tie); build metadata is ignored.
/// Numbers of any length compare correctly. Nothing is allocated.
/// </summary>
public static class SemVer
{
    private static readonly SearchValues<char> CoreCharacters = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static bool IsValid(ReadOnlySpan<char> text) => TryParse(text, out _, out _);

    /// <summary>Compares two versions by precedence; false when either is not a semantic version.</summary>
    public static bool TryCompare(ReadOnlySpan<char> left, ReadOnlySpan<char> right, out int comparison)
    {
        comparison = 0;
        if (!TryParse(left, out var leftCore, out var leftPre) || !TryParse(right, out var rightCore, out var rightPre))
        {
            return false;
        }

        comparison = CompareIdentifiers(leftCore, rightCore);
        if (comparison == 0)
        {
            comparison = (leftPre.IsEmpty, rightPre.IsEmpty) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => -1,
                _ => CompareIdentifiers(leftPre, rightPre),
            };
        }

        return true;
    }

    private static bool TryParse(ReadOnlySpan<char> text, out ReadOnlySpan<char> core, out ReadOnlySpan<char> preRelease)
    {
        core = preRelease = default;
        if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        var plus = text.IndexOf('+');
        if (plus >= 0)
        {
            if (!AllIdentifiers(text[(plus + 1)..], allowLeadingZeros: true))
            {
                return false;
            }

            text = text[..plus];
        }

        var dash = text.IndexOf('-');
        core = dash >= 0 ? text[..dash] : text;
        preRelease = dash >= 0 ? text[(dash + 1)..] : default;
        return core.Count('.') == 2
            && !core.ContainsAnyExcept(CoreCharacters)
            && AllIdentifiers(core, allowLeadingZeros: false)
            && (dash < 0 || AllIdentifiers(preRelease, allowLeadingZeros: false));
    }

    /// <summary>Dot-separated, non-empty identifiers of <c>[0-9A-Za-z-]</c>; numeric ones without leading zeros unless allowed.</summary>
    private static bool AllIdentifiers(ReadOnlySpan<char> text, bool allowLeadingZeros)
    {
        if (text.IsEmpty || text[0] == '.' || text[^1] == '.' || text.IndexOf("..") >= 0)
        {
            return false;
        }

        while (!text.IsEmpty)
        {
            if (!IsIdentifier(NextIdentifier(ref text), allowLeadingZeros))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(ReadOnlySpan<char> identifier, bool allowLeadingZeros)
    {
        foreach (var c in identifier)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return allowLeadingZeros || !IsNumeric(identifier) || identifier.Length == 1 || identifier[0] != '0';
    }

    private static int CompareIdentifiers(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        while (!left.IsEmpty && !right.IsEmpty)
        {
            var comparison = CompareIdentifier(NextIdentifier(ref left), NextIdentifier(ref right));
            if (comparison != 0)
            {
                return comparison;
            }
        }

        return (!left.IsEmpty).CompareTo(!right.IsEmpty);
    }

    private static int CompareIdentifier(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var (leftNumeric, rightNumeric) = (IsNumeric(left), IsNumeric(right));
        if (leftNumeric && rightNumeric)
        {
            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : Math.Sign(left.SequenceCompareTo(right));
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(left.SequenceCompareTo(right));
    }

    private static bool IsNumeric(ReadOnlySpan<char> identifier) => !identifier.ContainsAnyExcept(Digits);

    private static ReadOnlySpan<char> NextIdentifier(ref ReadOnlySpan<char> rest)
    {
        var dot = rest.IndexOf('.');
        var identifier = dot >= 0 ? rest[..dot] : rest;
        rest = dot >= 0 ? rest[(dot + 1)..] : default;
        return identifier;
    }
}
