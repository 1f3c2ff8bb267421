namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>An options class in src: its configuration section and its settable properties (name -> C# type).</summary>
internal sealed record OptionsSection(string ClassName, string Section, IReadOnlyDictionary<string, string> Properties);
