using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ConfigCluster.TestSupport;

/// <summary>
/// A minimal RESP client over a plain socket, for looking at and tampering with what the cache stored
/// independently of StackExchange.Redis. Replies: simple and bulk strings as text, integers as decimal text, nil as null.
/// </summary>
public sealed class RawRedisClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly BufferedStream _stream;

    private RawRedisClient(int port)
    {
        _tcp = new TcpClient { ReceiveTimeout = 5000, SendTimeout = 5000 };
        _tcp.Connect("127.0.0.1", port);
        _stream = new BufferedStream(_tcp.GetStream());
    }

    public static RawRedisClient Connect(int port) => new(port);

    /// <summary>One command on a new connection.</summary>
    public static string? Run(int port, params string[] command)
    {
        using var client = Connect(port);
        return client.Send(command);
    }

    public static bool Pings(int port)
    {
        try
        {
            return Run(port, "PING") == "PONG";
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }

    public string? Send(params string[] command)
    {
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Length}\r\n");
        foreach (var part in command)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        _stream.Write(Encoding.UTF8.GetBytes(request.ToString()));
        _stream.Flush();
        return ReadReply();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private string? ReadReply()
    {
        var line = ReadLine();
        return line[0] switch
        {
            '+' or ':' => line[1..],
            '-' => throw new InvalidOperationException($"Redis error: {line[1..]}"),
            '$' => ReadBulk(int.Parse(line[1..], CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Unexpected RESP reply '{line}'."),
        };
    }

    private string? ReadBulk(int length)
    {
        if (length < 0)
        {
            return null;
        }

        var buffer = new byte[length + 2];
        _stream.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private string ReadLine()
    {
        var bytes = new List<byte>();
        int next;
        while ((next = _stream.ReadByte()) != '\n')
        {
            if (next < 0)
            {
                throw new IOException("Redis closed the connection.");
            }

            bytes.Add((byte)next);
        }

        return Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
    }
}
