namespace ConfigCluster.Gateway.Apis;

/// <summary>The error statuses an endpoint answers, described in the OpenAPI document as problem+json.</summary>
internal static class ProblemMetadata
{
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
