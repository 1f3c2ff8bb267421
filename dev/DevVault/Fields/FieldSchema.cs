using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Fields;

/// <summary>
/// A path's declared fields. Converting validates every supplied known field (first failure becomes
/// Vault's "Field validation failed" 400) and records unknown and path-captured ones for the framework warnings.
/// </summary>
internal sealed class FieldSchema
{
    private readonly (string Name, FieldType Type)[] _fields;

    public FieldSchema(params (string Name, FieldType Type)[] fields)
    {
        _fields = fields;
    }

    public bool TryConvert(RequestFields raw, out FieldData data, out VaultResponse? error)
    {
        data = raw.Count == 0 ? FieldData.None : new FieldData(raw);
        error = null;
        if (raw.Count == 0)
        {
            return true;
        }

        foreach ((string name, FieldType type) in _fields)
        {
            if (!raw.TryGet(name, out FieldValue value))
            {
                continue;
            }

            if (type == FieldType.PathCapture)
            {
                data.Replaced.Add(name);
                continue;
            }

            if (!TryConvertOne(value, type, out object? converted, out string detail))
            {
                error = VaultErrors.FieldValidation(name, detail);
                return false;
            }

            data.Set(name, converted);
        }

        data.Ignored.AddRange(raw.Names.Where(name => !Declares(name)));
        return true;
    }

    private bool Declares(string name) => Array.Exists(_fields, field => field.Name == name);

    private static bool TryConvertOne(FieldValue value, FieldType type, out object? converted, out string detail)
    {
        converted = null;
        switch (type)
        {
            case FieldType.Int:
                bool intOk = GoWeakDecode.TryInt(value, out long number, out detail);
                converted = number;
                return intOk;
            case FieldType.Bool:
                bool boolOk = GoWeakDecode.TryBool(value, out bool flag, out detail);
                converted = flag;
                return boolOk;
            case FieldType.Map:
                bool mapOk = GoWeakDecode.TryMap(value, out System.Text.Json.JsonElement? map, out detail);
                converted = map;
                return mapOk;
            case FieldType.CommaIntSlice:
                bool sliceOk = GoIntSliceDecode.TryDecode(value, out List<long> list, out detail);
                converted = list;
                return sliceOk;
            case FieldType.CommaStringSlice:
                bool stringsOk = GoStringSliceDecode.TryDecode(value, out List<string> strings, out detail);
                converted = strings;
                return stringsOk;
            case FieldType.String:
                bool textOk = GoWeakDecode.TryString(value, out string text, out detail);
                converted = text;
                return textOk;
            default:
                return TryConvertDuration(value, type == FieldType.SignedDurationSecond, out converted, out detail);
        }
    }

    private static bool TryConvertDuration(FieldValue value, bool signed, out object? converted, out string detail)
    {
        bool ok = GoWeakDecode.TryDurationSeconds(value, out long seconds, out detail);
        converted = seconds;
        if (ok && !signed && seconds < 0)
        {
            detail = $"cannot provide negative value '{seconds}'";
            return false;
        }

        return ok;
    }
}
