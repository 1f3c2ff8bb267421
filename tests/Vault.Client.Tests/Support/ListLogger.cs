using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Vault.Client.Tests.Support;

/// <summary>Collects every log line, at every level, with its event id.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(EventId Id, string Text)> _lines = new();

    public IReadOnlyList<(EventId Id, string Text)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((eventId, formatter(state, exception) + " " + exception?.Message + " " + string.Join(";", StateValues(state))));

    private static IEnumerable<string?> StateValues<TState>(TState state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}") : [];
}
