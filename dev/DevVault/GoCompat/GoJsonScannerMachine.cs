namespace ConfigCluster.DevVault.GoCompat;

/// <summary>Go encoding/json scanner states for values, strings and containers.</summary>
internal sealed partial class GoJsonScannerMachine(int maxDepth)
{
    private readonly Stack<GoJsonContainer> _containers = new();
    private ScanStep _step = ScanStep.BeginValue;
    private int _hexLeft;
    private string _literal = "";
    private int _literalIndex;

    public string? Error { get; private set; }

    public bool Feed(byte c) => _step switch
    {
        ScanStep.BeginValue => BeginValue(c),
        ScanStep.BeginValueOrEmpty => IsSpace(c) || (c == ']' ? EndValue(c) : BeginValue(c)),
        ScanStep.BeginStringOrEmpty => BeginStringOrEmpty(c),
        ScanStep.BeginString => BeginString(c),
        ScanStep.EndValue => EndValue(c),
        ScanStep.EndTop => IsSpace(c) || Fail(c, "after top-level value"),
        ScanStep.InString => InString(c),
        ScanStep.InStringEscape => InStringEscape(c),
        ScanStep.InStringEscapeU => InStringEscapeU(c),
        _ => NumberOrLiteral(c),
    };

    public string? EndOfInput()
    {
        if (_step is ScanStep.EndTop || (_containers.Count == 0 && _step is ScanStep.Zero or ScanStep.Digits or ScanStep.DotDigits or ScanStep.ExponentDigits or ScanStep.EndValue))
        {
            return null;
        }

        return _containers.Count > 0 && _step is ScanStep.BeginValue or ScanStep.BeginValueOrEmpty or ScanStep.BeginString
            or ScanStep.BeginStringOrEmpty or ScanStep.EndValue
            ? "malformed JSON, unclosed containers"
            : "unexpected end of JSON input";
    }

    private bool BeginValue(byte c)
    {
        switch (c)
        {
            case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n': return true;
            case (byte)'{': return Push(GoJsonContainer.ObjectKey, ScanStep.BeginStringOrEmpty);
            case (byte)'[': return Push(GoJsonContainer.ArrayValue, ScanStep.BeginValueOrEmpty);
            case (byte)'"': return Go(ScanStep.InString);
            case (byte)'-': return Go(ScanStep.Negative);
            case (byte)'0': return Go(ScanStep.Zero);
            case (byte)'t': return StartLiteral("true");
            case (byte)'f': return StartLiteral("false");
            case (byte)'n': return StartLiteral("null");
            case >= (byte)'1' and <= (byte)'9': return Go(ScanStep.Digits);
            default: return Fail(c, "looking for beginning of value");
        }
    }

    private bool BeginStringOrEmpty(byte c)
    {
        if (IsSpace(c))
        {
            return true;
        }

        if (c != '}')
        {
            return BeginString(c);
        }

        _containers.Pop();
        _containers.Push(GoJsonContainer.ObjectValue);
        return EndValue(c);
    }

    private bool BeginString(byte c) =>
        IsSpace(c) || (c == '"' ? Go(ScanStep.InString) : Fail(c, "looking for beginning of object key string"));

    private bool EndValue(byte c)
    {
        if (_containers.Count == 0)
        {
            _step = ScanStep.EndTop;
            return Feed(c);
        }

        if (IsSpace(c))
        {
            return Go(ScanStep.EndValue);
        }

        return _containers.Peek() switch
        {
            GoJsonContainer.ObjectKey => c == ':' ? Replace(GoJsonContainer.ObjectValue, ScanStep.BeginValue) : Fail(c, "after object key"),
            GoJsonContainer.ObjectValue => c == ',' ? Replace(GoJsonContainer.ObjectKey, ScanStep.BeginString)
                : c == '}' ? Pop() : Fail(c, "after object key:value pair"),
            _ => c == ',' ? Go(ScanStep.BeginValue) : c == ']' ? Pop() : Fail(c, "after array element"),
        };
    }

    private bool InString(byte c) => c switch
    {
        (byte)'"' => Go(ScanStep.EndValue),
        (byte)'\\' => Go(ScanStep.InStringEscape),
        < 0x20 => Fail(c, "in string literal"),
        _ => true,
    };

    private bool InStringEscape(byte c)
    {
        if (c is (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"')
        {
            return Go(ScanStep.InString);
        }

        _hexLeft = 4;
        return c == 'u' ? Go(ScanStep.InStringEscapeU) : Fail(c, "in string escape code");
    }

    private bool InStringEscapeU(byte c)
    {
        if (!char.IsAsciiHexDigit((char)c))
        {
            return Fail(c, "in \\u hexadecimal character escape");
        }

        _hexLeft--;
        return _hexLeft > 0 || Go(ScanStep.InString);
    }

    private bool Push(GoJsonContainer container, ScanStep next)
    {
        _containers.Push(container);
        if (_containers.Count > maxDepth)
        {
            Error = GoJsonSyntaxScanner.NestingDepthExceeded;
            return false;
        }

        return Go(next);
    }

    private bool Replace(GoJsonContainer container, ScanStep next)
    {
        _containers.Pop();
        _containers.Push(container);
        return Go(next);
    }

    private bool Pop()
    {
        _containers.Pop();
        return Go(_containers.Count == 0 ? ScanStep.EndTop : ScanStep.EndValue);
    }

    private bool Go(ScanStep next)
    {
        _step = next;
        return true;
    }

    private bool Fail(byte c, string context)
    {
        Error = "invalid character " + GoQuote.QuoteByte(c) + " " + context;
        return false;
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsDigit1To9(byte c) => c is >= (byte)'1' and <= (byte)'9';
}
