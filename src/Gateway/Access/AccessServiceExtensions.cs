using System.Threading.RateLimiting;
using ConfigCluster.Gateway.Errors;
using ConfigCluster.Grains.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ConfigCluster.Gateway.Access;

public static class AccessServiceExtensions
{
    /// <summary>
    /// Authentication (API keys and, when configured, JWT bearer tokens from an OIDC issuer), the access policy the
    /// endpoints ask, and a rate limit per caller. Options from the section <c>Auth</c>, validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayAccess(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        builder.Services.TryAddSingleton<BootstrapKey>();
        builder.Services.TryAddSingleton<AuthFailures>();
        builder.Services.TryAddSingleton<AccessPolicy>();
        builder.Services.AddHostedService<AnonymousAccessWarning>();

        builder.Services.TryAddSingleton<ApiKeyResolver>();
        if (auth.Jwt.Enabled)
        {
            // Only bearer tokens that are not API keys reach this scheme (see CallerAuthentication); no default scheme.
            builder.Services.AddSingleton(auth.Jwt);
            builder.Services.AddAuthentication().AddJwtBearer(AuthSchemes.Jwt, o => ConfigureJwt(o, auth.Jwt));
        }

        builder.Services.AddRateLimiter(o => ConfigureRateLimit(o, auth.RateLimitPerSecond));
        return builder;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtAuthOptions jwt)
    {
        options.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = jwt.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = jwt.Issuers.Count > 0 ? jwt.Issuers : null,
            ValidateAudience = true,
            ValidAudiences = jwt.Audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = jwt.ClockSkew,
            IssuerSigningKeys = jwt.SigningKeys.Select(JwtSigningKeys.Parse).OfType<SecurityKey>().ToList(),
            NameClaimType = jwt.ActorClaim,
        };
        var grants = new JwtGrants(jwt);
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = grants.OnTokenValidatedAsync,
            // The API answers its own 401s (problem+json); the handler's bare challenge is not sent.
            OnChallenge = context =>
            {
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Finds each request's caller (<see cref="CallerAuthentication"/>), then limits its rate. The framework's
    /// authentication middleware is not used: it opens a dependency-injection scope on every request, which the
    /// cached read cannot afford; marking authentication as set up keeps WebApplication from adding it.
    /// </summary>
    public static WebApplication UseGatewayAccess(this WebApplication app)
    {
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseMiddleware<CallerAuthentication>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A token bucket per caller: its actor, or for anonymous callers their address.</summary>
    private static void ConfigureRateLimit(RateLimiterOptions options, int perSecond)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ProblemCodes.RetryAfterSeconds;
            return ValueTask.CompletedTask;
        };
        if (perSecond == 0)
        {
            return;
        }

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, object>(context =>
            !IsLimited(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter<object>(Unlimited)
                : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>The APIs callers use (REST and OFREP) are limited; health and metrics are not.</summary>
    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/ofrep", StringComparison.Ordinal);

    /// <summary>The partition of requests outside the API (health, metrics): never limited.</summary>
    private static readonly object Unlimited = new();

    private static object PartitionOf(HttpContext context) =>
        context.User is CallerPrincipal { IsAnonymous: false } caller
            ? caller.LimitKey
            : context.Connection.RemoteIpAddress ?? (object)"anonymous";
}
