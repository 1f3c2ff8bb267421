namespace ConfigCluster.BenchTools;

/// <summary><c>--name value</c> pairs of one command, read by name with a default or as required.</summary>
internal sealed class CommandLineOptions(IReadOnlyDictionary<string, string> values)
{
    public static CommandLineOptions Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal)
                ? e.Current[2..]
                : throw new ArgumentException($"expected --name, got '{e.Current}'");
            values[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value");
        }

        return new CommandLineOptions(values);
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A duration such as <c>10s</c>, <c>250ms</c> or <c>2m</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback) =>
        values.TryGetValue(name, out var value) ? ParseDuration(value) : fallback;

    public static TimeSpan ParseDuration(string text) => text switch
    {
        _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };

    public static int Usage(string text)
    {
        Console.Error.WriteLine(text);
        return 2;
    }
}
