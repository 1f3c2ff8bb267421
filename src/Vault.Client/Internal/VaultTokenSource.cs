namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The token each request carries: <see cref="VaultOptions.Token"/>, or the content of
/// <see cref="VaultOptions.TokenFile"/> (a Vault Agent sink), read again when the file changes. The file's time is
/// looked at no more than once a second; a file that cannot be read or is empty keeps the token last read.
/// </summary>
internal sealed class VaultTokenSource(VaultOptions options, TimeProvider time)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _reading = new();
    private string _token = options.Token;
    private DateTime _writtenAt = DateTime.MinValue;
    private long _checkedAt = long.MinValue;

    public string Current
    {
        get
        {
            if (string.IsNullOrEmpty(options.TokenFile))
            {
                return options.Token;
            }

            if (_checkedAt == long.MinValue || time.GetElapsedTime(Volatile.Read(ref _checkedAt)) >= CheckEvery)
            {
                Reload(options.TokenFile);
            }

            return Volatile.Read(ref _token);
        }
    }

    /// <summary>The token as the file holds it now (after Vault refused the one read last), or the given token.</summary>
    public string ReadNow()
    {
        if (!string.IsNullOrEmpty(options.TokenFile))
        {
            Reload(options.TokenFile);
        }

        return Current;
    }

    private void Reload(string path)
    {
        lock (_reading)
        {
            try
            {
                var writtenAt = File.GetLastWriteTimeUtc(path);
                if (writtenAt != _writtenAt && File.ReadAllText(path).Trim() is { Length: > 0 } token)
                {
                    Volatile.Write(ref _token, token);
                    _writtenAt = writtenAt;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A sink being rewritten, or gone for a moment: the token last read still serves.
            }

            Volatile.Write(ref _checkedAt, time.GetTimestamp());
        }
    }
}
