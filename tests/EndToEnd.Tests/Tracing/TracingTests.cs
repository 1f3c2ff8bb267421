using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ConfigCluster.EndToEnd.Tests.Tracing;

/// <summary>
/// With tracing on, a write is one trace from the REST call through the config's grain to Vault and PostgreSQL, and
/// no span carries the value written.
/// </summary>
public sealed class TracingTests(TracingTests.TracedFixture fixture) : IClassFixture<TracingTests.TracedFixture>
{
    [Fact]
    public async Task ATraceOfAPutShowsTheGrainVaultAndPostgresSpansAndNoValue()
    {
        const string canary = "trace-canary-7f3e9b";
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.CreateAsync("traced", "svc", "put", "first")).StatusCode);

        using var put = await fixture.Http.UpdateAsync("traced", "svc", "put", canary);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var server = await Eventually.ReachesAsync(() => Task.FromResult(fixture.Finished().FirstOrDefault(IsThePut)), s => s is not null,
            TimeSpan.FromSeconds(10), "the PUT's server span");
        var trace = fixture.Finished().Where(s => s.TraceId == server!.TraceId).ToList();

        Assert.Contains(trace, s => s.DisplayName.Contains("IConfigGrain", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && Tag(s, "url.full") is { } url && url.Contains("/v1/secret/data/traced/svc/put", StringComparison.Ordinal));
        Assert.Contains(trace, s => Tag(s, "db.system.name") == "postgresql" && s.DisplayName == "config_changes begin");
        Assert.Contains(trace, s => Tag(s, "db.system.name") == "postgresql" && s.DisplayName == "config_changes commit");
        Assert.DoesNotContain(fixture.Finished(), s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(canary, StringComparison.Ordinal) == true)
            || s.DisplayName.Contains(canary, StringComparison.Ordinal));
    }

    private static bool IsThePut(Activity span) =>
        span.Kind == ActivityKind.Server && Tag(span, "http.request.method") == "PUT" && Tag(span, "url.path") == "/api/v1/config/put";

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    /// <summary>The system with tracing on and every finished span kept in memory.</summary>
    public sealed class TracedFixture : SystemFixture
    {
        private readonly List<Activity> _spans = [];

        public IReadOnlyList<Activity> Finished()
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }

        protected override IEnumerable<string> ExtraArgs => ["--Tracing:Enabled=true"];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList(_spans)));

        /// <summary>The exporter appends from the threads that end spans; the test reads meanwhile.</summary>
        private sealed class LockedList(List<Activity> spans) : ICollection<Activity>
        {
            public int Count => spans.Count;

            public bool IsReadOnly => false;

            public void Add(Activity item)
            {
                lock (spans)
                {
                    spans.Add(item);
                }
            }

            public void Clear() => spans.Clear();

            public bool Contains(Activity item) => spans.Contains(item);

            public void CopyTo(Activity[] array, int arrayIndex) => spans.CopyTo(array, arrayIndex);

            public bool Remove(Activity item) => spans.Remove(item);

            public IEnumerator<Activity> GetEnumerator() => spans.GetEnumerator();

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
