namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The fields of one entry of a JSON or YAML environment file as its reader finds them, and the checks both formats
/// share: <c>value</c> and <c>is_encrypted</c> both given, no other field, a null value only on an encrypted config.
/// </summary>
internal sealed class EnvironmentEntryFields(string serviceName, string key)
{
    private (string? Value, bool HasValue, bool? IsEncrypted) _read;

    /// <summary>The entry as error messages name it.</summary>
    public string Where { get; } = $"'{serviceName}/{key}'";

    public void Value(string? value) => _read = (value, true, _read.IsEncrypted);

    public void IsEncrypted(bool isEncrypted) => _read.IsEncrypted = isEncrypted;

    /// <summary>Why the field <paramref name="name"/> cannot be read: a wrong type for a known field, else an unknown field.</summary>
    public string Refusal(string name) => name is "value" or "is_encrypted"
        ? $"{Where}: '{name}' has the wrong type ('value' is a string or null, 'is_encrypted' true or false)."
        : $"{Where}: unknown field '{name}'.";

    /// <summary>The entry, or null and (unless one was found before) why it is malformed.</summary>
    public EnvironmentEntry? Entry(ref string? error)
    {
        if (!_read.HasValue || _read.IsEncrypted is not { } isEncrypted)
        {
            error ??= $"{Where} must have both 'value' and 'is_encrypted'.";
            return null;
        }

        if (_read.Value is null && !isEncrypted)
        {
            error ??= $"{Where}: only an encrypted config may have a null value.";
            return null;
        }

        return new EnvironmentEntry(serviceName, key, _read.Value, isEncrypted);
    }
}
