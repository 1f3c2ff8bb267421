namespace ConfigCluster.Ports;

/// <summary>
/// A client's idempotency key (the <c>Idempotency-Key</c> header) as recorded with the change it produced:
/// the key, and the request's fingerprint (operation, config and requested encryption flag; never the value,
/// which is compared with what Vault holds instead). A key is honoured for <see cref="Retention"/>.
/// </summary>
public sealed record IdempotencyKey(string Key, string Fingerprint)
{
    /// <summary>How long a key answers with its first outcome; after that it may be used again.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Longest accepted key (printable ASCII), as in the IETF draft's examples and Stripe's limit.</summary>
    public const int MaxLength = 255;
}
