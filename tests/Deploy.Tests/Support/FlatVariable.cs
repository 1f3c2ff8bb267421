namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>A variable (or, with <see cref="IsPrefix"/>, a family of variables) read outside the <c>Section__Key</c> scheme.</summary>
internal sealed record FlatVariable(string Name, bool IsPrefix, FlatVariableReader ReadBy, string Reason)
{
    public bool Covers(string variable) =>
        IsPrefix ? variable.StartsWith(Name, StringComparison.Ordinal) && variable.Length > Name.Length : variable == Name;
}
