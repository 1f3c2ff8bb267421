namespace ConfigCluster.Gateway.Errors;

/// <summary>
/// A grain call that ended without an answer: the silo holding the grain died or froze, the call timed out, or
/// the cluster refused or cancelled the message. The caller cannot tell whether a write it sent was applied.
/// </summary>
internal static class GrainCallFailure
{
    public static bool Is(Exception exception) => exception is OrleansException or TimeoutException or OperationCanceledException;

    /// <summary>Writes that end this way may have been applied: 503 <c>outcome_unknown</c>, never a bare 500.</summary>
    public static bool IsWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
        || HttpMethods.IsDelete(request.Method) || HttpMethods.IsPatch(request.Method);
}
