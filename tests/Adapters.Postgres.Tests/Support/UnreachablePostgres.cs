using System.Net;
using System.Net.Sockets;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>Connection strings to a PostgreSQL that is not there.</summary>
public static class UnreachablePostgres
{
    public const string Password = "not-a-real-secret-9f3b";

    /// <summary>A loopback port nothing listens on (connections are refused).</summary>
    public static string ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return At(port);
    }

    public static string At(int port) => $"postgresql://configcluster:{Password}@127.0.0.1:{port}/configcluster";
}
