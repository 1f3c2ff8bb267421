namespace ConfigCluster.Gateway.Apis;

/// <summary>Field errors collected while reading a request; becomes one 400 validation problem.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
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
        foreach (var (field, messages) in other._errors)
        {
            messages.ForEach(m => Add(field, m));
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
