namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>How one bounded Redis call ended.</summary>
internal enum RedisReplyKind
{
    /// <summary>Redis answered; <see cref="RedisReply{T}.Value"/> holds the answer.</summary>
    Answered,

    /// <summary>No answer in time, no connection, or the client is gone.</summary>
    Unavailable,

    /// <summary>Redis answered with an error: WRONGTYPE (the key holds something else).</summary>
    WrongType,
}

/// <summary>The outcome of one bounded Redis call; <see cref="Reason"/> is a short text for logs and the probe.</summary>
internal readonly record struct RedisReply<T>(RedisReplyKind Kind, T? Value, string? Reason)
{
    public bool IsAnswered => Kind == RedisReplyKind.Answered;
}
