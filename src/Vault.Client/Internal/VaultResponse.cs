using System.Text.Json;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// What came back for a <see cref="VaultRequest"/>: a status and body, or no answer at all
/// (<see cref="Status"/> null, <see cref="TransportError"/> set). The body is parsed at most once, lazily.
/// </summary>
internal sealed class VaultResponse
{
    private JsonElement? _root;
    private bool _parsed;

    private VaultResponse(VaultRequest request, int? status, byte[] body, string? transportError)
    {
        Request = request;
        Status = status;
        Body = body;
        TransportError = transportError;
    }

    public VaultRequest Request { get; }

    public int? Status { get; }

    public byte[] Body { get; }

    public string? TransportError { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public static VaultResponse Answered(VaultRequest request, int status, byte[] body) => new(request, status, body, null);

    public static VaultResponse NoAnswer(VaultRequest request, string error) => new(request, null, [], error);

    /// <summary>The body as JSON; false for an empty or non-JSON body.</summary>
    public bool TryGetJson(out JsonElement root)
    {
        if (!_parsed)
        {
            _parsed = true;
            _root = Parse(Body);
        }

        root = _root.GetValueOrDefault();
        return _root.HasValue;
    }

    private static JsonElement? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
