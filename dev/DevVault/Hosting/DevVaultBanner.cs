namespace ConfigCluster.DevVault.Hosting;

/// <summary>The startup text of the dev executable (address and root token, like <c>vault server -dev</c>).</summary>
internal static class DevVaultBanner
{
    public static void Print(DevVaultServer server, DevVaultOptions options)
    {
        string storage = options.StoragePath is { } path ? "state kept in " + Path.GetFullPath(path) : "in-memory";
        Console.WriteLine("==> ConfigCluster DevVault started (" + storage + ", Vault " + Sys.VaultIdentity.Version + " KV API). Do not use in production.");
        Console.WriteLine();
        Console.WriteLine("    export VAULT_ADDR='" + server.Address.GetLeftPart(UriPartial.Authority) + "'");
        if (options.TlsCertDirectory is { } tls)
        {
            Console.WriteLine("    export VAULT_CACERT='" + Path.GetFullPath(Path.Combine(tls, DevTlsCertificates.CaFileName)) + "'");
        }
        Console.WriteLine("    Root Token: " + server.RootToken);
        foreach (DevVaultMount mount in options.Mounts)
        {
            Console.WriteLine($"    Mount: {mount.Path.Trim('/')}/ (kv v{mount.KvVersion})");
        }

        Console.WriteLine();
        Console.WriteLine("==> Serving until Ctrl-C or SIGTERM.");
    }
}
