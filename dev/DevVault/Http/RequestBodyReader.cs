using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace ConfigCluster.DevVault.Http;

/// <summary>Reads a request body up to Vault's default max_request_size (32 MiB).</summary>
internal static class RequestBodyReader
{
    public const int MaxRequestSize = 32 * 1024 * 1024;

    /// <summary>The body bytes, or null when it exceeds the limit.</summary>
    public static async ValueTask<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestSize)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, MaxRequestSize) + 1);
        while (true)
        {
            Memory<byte> chunk = buffer.GetMemory(16 * 1024);
            int read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxRequestSize)
            {
                return null;
            }
        }
    }
}
