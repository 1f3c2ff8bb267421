using System.Text.Json.Serialization;

namespace ConfigCluster.Adapters.Postgres.Registry;

/// <summary>Source-generated JSON of an instance's metadata column (a string map).</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RegistryStoreJson : JsonSerializerContext;
