using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client.Tests;

/// <summary><c>services.AddVaultClient()</c>: binding, precedence, validation and singletons.</summary>
public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<VaultOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddVaultClient(configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void TheVaultSectionIsBound()
    {
        using var provider = Build(new()
        {
            ["Vault:Address"] = "https://vault.example:8200",
            ["Vault:Token"] = "section-token",
            ["Vault:MountPoint"] = "team/kv",
            ["Vault:KvVersion"] = "1",
            ["Vault:Timeout"] = "00:00:02",
            ["Vault:Namespace"] = "ns1/",
        });

        var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;

        Assert.Equal(new Uri("https://vault.example:8200"), options.Address);
        Assert.Equal("section-token", options.Token);
        Assert.Equal("team/kv", options.MountPoint);
        Assert.Equal(1, options.KvVersion);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        Assert.Equal("ns1/", options.Namespace);
    }

    [Fact]
    public void FlatVariablesWinOverTheSection()
    {
        using var provider = Build(new()
        {
            ["Vault:Address"] = "https://section:8200",
            ["Vault:Token"] = "section-token",
            ["Vault:MountPoint"] = "section",
            ["Vault:KvVersion"] = "1",
            ["VAULT_ADDR"] = "http://flat:8200",
            ["VAULT_TOKEN"] = "flat-token",
            ["VAULT_MOUNT_POINT"] = "flat",
            ["VAULT_KV_VERSION"] = "2",
        });

        var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;

        Assert.Equal(new Uri("http://flat:8200"), options.Address);
        Assert.Equal("flat-token", options.Token);
        Assert.Equal("flat", options.MountPoint);
        Assert.Equal(2, options.KvVersion);
    }

    [Fact]
    public void DefaultsApplyWhenOnlyTheTokenIsGiven()
    {
        using var provider = Build(new() { ["VAULT_TOKEN"] = "t" });

        var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:8200"), options.Address);
        Assert.Equal("secret", options.MountPoint);
        Assert.Equal(2, options.KvVersion);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Null(options.Namespace);
    }

    [Fact]
    public void CodeConfigurationWinsOverEverything()
    {
        using var provider = Build(new() { ["VAULT_TOKEN"] = "flat" }, o => o.Token = "code");

        Assert.Equal("code", provider.GetRequiredService<IOptions<VaultOptions>>().Value.Token);
    }

    [Fact]
    public void ClientsAreSingletonsSharingOneTransport()
    {
        using var provider = Build(new() { ["VAULT_TOKEN"] = "t" });

        Assert.Same(provider.GetRequiredService<VaultKv2Client>(), provider.GetRequiredService<VaultKv2Client>());
        Assert.Same(provider.GetRequiredService<VaultTransport>(), provider.GetRequiredService<VaultTransport>());
        Assert.NotNull(provider.GetRequiredService<VaultKv1Client>());
        Assert.NotNull(provider.GetRequiredService<VaultSysClient>());
    }

    [Theory]
    [InlineData("VAULT_ADDR", "vault.example:8200", "Address")]
    [InlineData("VAULT_ADDR", "ftp://vault.example", "Address")]
    [InlineData("Vault:Token", " ", "Token")]
    [InlineData("VAULT_MOUNT_POINT", "a/../b", "MountPoint")]
    [InlineData("VAULT_MOUNT_POINT", "/", "MountPoint")]
    [InlineData("VAULT_KV_VERSION", "3", "KvVersion")]
    [InlineData("VAULT_KV_VERSION", "two", "KvVersion")]
    [InlineData("Vault:Timeout", "00:00:00", "Timeout")]
    public void InvalidSettingsFailValidationNamingTheSetting(string key, string value, string setting)
    {
        var settings = new Dictionary<string, string?> { ["Vault:Token"] = "t", [key] = value };
        using var provider = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<VaultKv2Client>());

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationRunsAtStartUp()
    {
        using var provider = Build(new() { ["VAULT_KV_VERSION"] = "9" });

        var startup = provider.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(startup.Validate);
    }

    [Fact]
    public void WithoutAnIConfigurationTheProcessEnvironmentIsRead()
    {
        var services = new ServiceCollection().AddVaultClient(o => o.Token = "t");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;

        Assert.Equal(Environment.GetEnvironmentVariable("VAULT_MOUNT_POINT") is { Length: > 0 } m ? m : "secret", options.MountPoint);
    }

    [Fact]
    public void FlatVariablesAreTrimmedAndBlankOnesIgnored()
    {
        var options = new VaultOptions { Token = "kept" };

        VaultOptionsSetup.ApplyFlat(options, key => key == "VAULT_TOKEN" ? "  " : key == "VAULT_MOUNT_POINT" ? " kv " : null);

        Assert.Equal("kept", options.Token);
        Assert.Equal("kv", options.MountPoint);
    }
}
