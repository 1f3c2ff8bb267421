namespace ConfigCluster.DevVault.GoCompat;

/// <summary>The Go JSON scanner state function currently active.</summary>
internal enum ScanStep : byte
{
    BeginValue,
    BeginValueOrEmpty,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEscape,
    InStringEscapeU,
    Negative,
    Zero,
    Digits,
    Dot,
    DotDigits,
    Exponent,
    ExponentSign,
    ExponentDigits,
    Literal,
}
