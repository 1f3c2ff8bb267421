using System.Net;
using System.Net.Sockets;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// The ports one ./run.sh takes, as one block of free ports in 27000-28999: below Linux's ephemeral range
/// (run.sh's own rule for fixed ports), and a range no other test or script uses. Worker i adds i to the
/// worker, silo and Orleans gateway ports, so each of those has room for three workers.
/// </summary>
public sealed record LocalRunPorts(int Block)
{
    private const int First = 27000;
    private const int Last = 28999;
    private const int Size = 20;

    public int Vault => Block;

    public int Gateway => Block + 1;

    public int Postgres => Block + 2;

    public int Redis => Block + 3;

    public int WorkerHttp => Block + 4;

    public int Silo => Block + 8;

    public int OrleansGateway => Block + 12;

    /// <summary>A block whose every port is free right now, starting from a random place in the range.</summary>
    public static LocalRunPorts Free()
    {
        int blocks = (Last - First + 1) / Size;
        int start = Random.Shared.Next(blocks);
        for (int i = 0; i < blocks; i++)
        {
            int block = First + ((start + i) % blocks * Size);
            if (Enumerable.Range(block, Size).All(IsFree))
            {
                return new LocalRunPorts(block);
            }
        }

        throw new InvalidOperationException($"no block of {Size} free ports in {First}-{Last}");
    }

    /// <summary>The environment variables run.sh reads its ports from.</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        new("VAULT_PORT", $"{Vault}"),
        new("GATEWAY_PORT", $"{Gateway}"),
        new("POSTGRES_PORT", $"{Postgres}"),
        new("REDIS_PORT", $"{Redis}"),
        new("WORKER_HTTP_PORT", $"{WorkerHttp}"),
        new("SILO_PORT", $"{Silo}"),
        new("ORLEANS_GATEWAY_PORT", $"{OrleansGateway}"),
    ];

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
