using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace ConfigCluster.Vault.Client.Tests.Support;

/// <summary>An <see cref="HttpMessageHandler"/> that records requests and answers from a script.</summary>
internal sealed class StubHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static StubHandler Serving(int status, byte[] body) =>
        new((_, _, _) => Task.FromResult(Response(status, body)));

    public static StubHandler Serving(int status, string body) => Serving(status, System.Text.Encoding.UTF8.GetBytes(body));

    public static StubHandler Fixture(string name) => Serving(VaultFixtures.Status(name), VaultFixtures.Body(name));

    /// <summary>Answers the n-th request with the n-th entry, repeating the last one.</summary>
    public static StubHandler Sequence(params (int Status, string Body)[] answers) =>
        new((_, n, _) => Task.FromResult(Response(answers[Math.Min(n, answers.Length) - 1].Status, answers[Math.Min(n, answers.Length) - 1].Body)));

    public static StubHandler NeverAnswering() =>
        new(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });

    public static StubHandler Throwing(Exception exception) => new((_, _, _) => Task.FromException<HttpResponseMessage>(exception));

    public static HttpResponseMessage Response(int status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    public static HttpResponseMessage Response(int status, string body) => Response(status, System.Text.Encoding.UTF8.GetBytes(body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            body);
        _requests.Enqueue(recorded);
        return await respond(recorded, _requests.Count, cancellationToken);
    }
}
