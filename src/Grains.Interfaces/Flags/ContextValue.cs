using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// One attribute of an evaluation context: a string (<see cref="Text"/>), a number (<see cref="Number"/>),
/// a boolean (<see cref="Boolean"/>), null, or something rules cannot compare (an object or array).
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ContextValue")]
public sealed record ContextValue(
    [property: Id(0)] ContextValueKind Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] decimal Number = 0,
    [property: Id(3)] bool Boolean = false)
{
    public static readonly ContextValue Null = new(ContextValueKind.Null);

    public static readonly ContextValue Other = new(ContextValueKind.Other);

    public static ContextValue FromString(string? text) => text is null ? Null : new(ContextValueKind.String, Text: text);

    public static ContextValue FromNumber(decimal number) => new(ContextValueKind.Number, Number: number);

    public static ContextValue FromBoolean(bool value) => new(ContextValueKind.Boolean, Boolean: value);

    /// <summary>The value of a JSON element; a number beyond the range of <see cref="decimal"/> is <see cref="Other"/>.</summary>
    public static ContextValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => FromString(element.GetString()),
        JsonValueKind.Number => element.TryGetDecimal(out var number) ? FromNumber(number) : Other,
        JsonValueKind.True => FromBoolean(true),
        JsonValueKind.False => FromBoolean(false),
        JsonValueKind.Object or JsonValueKind.Array => Other,
        _ => Null,
    };

    public static implicit operator ContextValue(string? text) => FromString(text);

    public static implicit operator ContextValue(decimal number) => FromNumber(number);

    public static implicit operator ContextValue(bool value) => FromBoolean(value);

    /// <summary>Only the kind: attribute values may be personal data and stay out of logs.</summary>
    public override string ToString() => Kind.ToString();
}
