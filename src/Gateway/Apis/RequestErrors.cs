namespace ConfigCluster.Gateway.Apis;

/// <summary>Field errors collected while reading a request; becomes one 400 validation problem.</summary>
internal sealed class RequestErrors
{
    // Made on the first error: a valid request (the hot read path) allocates no dictionary.
    private Dictionary<string, List<string>>? _errors;

    public bool Any => _errors is { Count: > 0 };

    /// <summary>True when <paramref name="field"/> already has an error.</summary>
    public bool Has(string field) => _errors?.ContainsKey(field) == true;

    /// <summary>The problem's status: 400 unless the request cannot be read at all (415).</summary>
    public int Status { get; set; } = StatusCodes.Status400BadRequest;

    /// <summary>The problem's <c>code</c>: <c>invalid</c>, or a narrower one (<c>invalid_encoding</c>).</summary>
    public string Code { get; set; } = "invalid";

    public void Add(string field, string message)
    {
        _errors ??= new(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Add(NameProblem? problem)
    {
        if (problem is not null)
        {
            Add(problem.Field, problem.Message);
        }
    }

    public void AddAll(RequestErrors other)
    {
        (Status, Code) = other.Status != StatusCodes.Status400BadRequest || other.Code != "invalid" ? (other.Status, other.Code) : (Status, Code);
        foreach (var (field, messages) in other._errors ?? [])
        {
            messages.ForEach(m => Add(field, m));
        }
    }

    /// <summary>The errors of problems a grain found, each a field and its message.</summary>
    public static RequestErrors Of(IEnumerable<(string Field, string Message)> problems)
    {
        var errors = new RequestErrors();
        foreach (var (field, message) in problems)
        {
            errors.Add(field, message);
        }

        return errors;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors?.ToDictionary(e => e.Key, e => e.Value.ToArray()) ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
}
