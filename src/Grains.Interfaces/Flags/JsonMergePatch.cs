using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// JSON Merge Patch (RFC 7396), so that a client can change a few fields of a flag by sending only those: an
/// object patch merges member by member (a <c>null</c> member removes it), anything else replaces the target
/// whole. Neither input is changed; the result shares no nodes with them.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return Copy(patch);
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : [];
        MergeInto(result, patch);
        return result;
    }

    /// <summary>Merges an object patch into <paramref name="target"/>, which belongs to the result and may change.</summary>
    private static void MergeInto(JsonObject target, JsonElement patch)
    {
        foreach (var member in patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                target.Remove(member.Name);
            }
            else if (member.Value.ValueKind == JsonValueKind.Object)
            {
                if (target[member.Name] is not JsonObject child)
                {
                    child = [];
                    target[member.Name] = child;
                }

                MergeInto(child, member.Value);
            }
            else
            {
                target[member.Name] = Copy(member.Value);
            }
        }
    }

    /// <summary>A value as new nodes, independent of the document it came from; a repeated member name keeps its last value.</summary>
    private static JsonNode? Copy(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var copy = new JsonObject();
                foreach (var member in value.EnumerateObject())
                {
                    copy[member.Name] = Copy(member.Value);
                }

                return copy;
            case JsonValueKind.Array:
                return new JsonArray([.. value.EnumerateArray().Select(Copy)]);
            default:
                return JsonValue.Create(value.Clone());
        }
    }
}
