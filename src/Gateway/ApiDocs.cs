using Scalar.AspNetCore;

namespace ConfigCluster.Gateway;

/// <summary>
/// The API's description: the OpenAPI document of every REST endpoint (<c>/openapi/v1.json</c>, built by
/// Microsoft.AspNetCore.OpenApi from the endpoints' typed results and metadata, snake_case as the API speaks) and
/// interactive docs on it (Scalar, <c>/docs</c>). Both are open to any caller: they describe the API, hold no data.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/docs";

    public static IServiceCollection AddGatewayApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ConfigCluster";
            document.Info.Description =
                "Configuration per environment / service / key (values in Vault), feature flags with OFREP, and a service registry. " +
                "Errors are application/problem+json with a stable `code`.";
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapGatewayApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        endpoints.MapScalarApiReference(DocsPath, options => options.WithOpenApiRoutePattern(DocumentPath).WithTitle("ConfigCluster API"));
        return endpoints;
    }
}
