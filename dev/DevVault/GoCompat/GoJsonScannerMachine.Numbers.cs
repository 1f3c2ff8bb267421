namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Go encoding/json scanner states for numbers and the literals true/false/null.</summary>
internal sealed partial class GoJsonScannerMachine
{
    private bool NumberOrLiteral(byte c) => _step switch
    {
        ScanStep.Negative => c == '0' ? Go(ScanStep.Zero) : IsDigit1To9(c) ? Go(ScanStep.Digits) : Fail(c, "in numeric literal"),
        ScanStep.Digits => char.IsAsciiDigit((char)c) || AfterInteger(c),
        ScanStep.Zero => AfterInteger(c),
        ScanStep.Dot => char.IsAsciiDigit((char)c) ? Go(ScanStep.DotDigits) : Fail(c, "after decimal point in numeric literal"),
        ScanStep.DotDigits => char.IsAsciiDigit((char)c) || (c is (byte)'e' or (byte)'E' ? Go(ScanStep.Exponent) : EndValue(c)),
        ScanStep.Exponent => c is (byte)'+' or (byte)'-' ? Go(ScanStep.ExponentSign) : ExponentSign(c),
        ScanStep.ExponentSign => ExponentSign(c),
        ScanStep.ExponentDigits => char.IsAsciiDigit((char)c) || EndValue(c),
        _ => LiteralStep(c),
    };

    private bool AfterInteger(byte c) => c switch
    {
        (byte)'.' => Go(ScanStep.Dot),
        (byte)'e' or (byte)'E' => Go(ScanStep.Exponent),
        _ => EndValue(c),
    };

    private bool ExponentSign(byte c) =>
        char.IsAsciiDigit((char)c) ? Go(ScanStep.ExponentDigits) : Fail(c, "in exponent of numeric literal");

    private bool StartLiteral(string literal)
    {
        _literal = literal;
        _literalIndex = 1;
        return Go(ScanStep.Literal);
    }

    private bool LiteralStep(byte c)
    {
        char expected = _literal[_literalIndex];
        if (c != expected)
        {
            return Fail(c, $"in literal {_literal} (expecting {GoQuote.QuoteByte((byte)expected)})");
        }

        _literalIndex++;
        return _literalIndex < _literal.Length || Go(ScanStep.EndValue);
    }
}
