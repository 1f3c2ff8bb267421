using System.Net;
using ConfigCluster.DevVault.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.DevVault.Hosting;

/// <summary>A minimal Kestrel host with one RequestDelegate: no routing, no server header, no body-size cap of its own.</summary>
internal static class DevVaultHostBuilder
{
    public static WebApplication Build(DevVaultOptions options, DevVaultState state)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DevVaultHostBuilder).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            var certificate = options.TlsCertDirectory is { } directory ? DevTlsCertificates.Create(directory, options.ListenAddress) : null;
            kestrel.Listen(ParseAddress(options.ListenAddress), options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        WebApplication app = builder.Build();
        app.Run(new VaultRequestHandler(state).HandleAsync);
        return app;
    }

    private static IPAddress ParseAddress(string address) => address switch
    {
        "localhost" => IPAddress.Loopback,
        "" or "*" => IPAddress.Any,
        _ => IPAddress.Parse(address.Trim('[', ']')),
    };
}
