using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Redis.Tests.Support;

public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
