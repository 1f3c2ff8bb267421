using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Access;

/// <summary>Says at start, loudly outside Development, that callers without a credential have rights.</summary>
public sealed partial class AnonymousAccessWarning(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AnonymousAccessWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var anonymous = options.Value.Anonymous;
        if (anonymous != AnonymousAccess.None && !environment.IsDevelopment())
        {
            LogAnonymousRights(anonymous, environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
        Message = "Callers without a credential may {Access} every configuration (Auth:Anonymous) in environment {Environment}; set Auth:Anonymous=None in production")]
    private partial void LogAnonymousRights(AnonymousAccess access, string environment);
}
