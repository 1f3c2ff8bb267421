using ConfigCluster.Gateway.Access;
using ConfigCluster.Gateway.Json;
using ConfigCluster.Gateway.LegacyMigration;
using ConfigCluster.Grains.Interfaces.Access;
using ConfigCluster.Ports;
using ConfigCluster.Ports.LegacyMigration;
using Microsoft.AspNetCore.Mvc;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Migration of a legacy PostgreSQL config table into Vault, for callers with <c>admin</c> on every environment and
/// service: <c>POST /api/v1/admin/migrations/legacy-postgres</c> checks the request and the legacy table, starts the
/// run in the background and answers 202 with its <c>Location</c>; <c>GET /api/v1/admin/migrations/{id}</c> answers
/// its progress, and the report once it is done. Neither ever shows a value or the connection string.
/// </summary>
public static class LegacyMigrationApi
{
    public static IEndpointRouteBuilder MapLegacyMigrationApi(this IEndpointRouteBuilder endpoints)
    {
        var migrations = endpoints.ServiceProvider.GetRequiredService<LegacyMigrations>();
        var access = endpoints.ServiceProvider.GetRequiredService<AccessPolicy>();
        var api = endpoints.MapGroup("/api/v1/admin/migrations").WithTags("Admin");
        api.MapPost("/legacy-postgres", (HttpContext http, CancellationToken ct) => StartAsync(http, migrations, access, ct))
            .WithMetadata(new RequestSizeLimitAttribute(LegacyMigrationBodyReader.MaxBodyBytes));
        api.MapGet("/{id}", (string id, HttpContext http, CancellationToken ct) => GetAsync(id, http, migrations, access, ct));
        return endpoints;
    }

    private static async Task<Results<Accepted<LegacyMigrationResponse>, ProblemHttpResult>> StartAsync(
        HttpContext http, LegacyMigrations migrations, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is not { } caller)
        {
            return refusal!;
        }

        var errors = new RequestErrors();
        var request = await LegacyMigrationBodyReader.ReadAsync(http.Request, errors, cancellationToken);
        if (request is null || errors.Any)
        {
            return ConfigProblems.Invalid(errors);
        }

        var start = await migrations.StartAsync(request, caller.Actor, cancellationToken);
        return start.Outcome switch
        {
            MigrationStartOutcome.Started => TypedResults.Accepted($"/api/v1/admin/migrations/{start.Run!.Id}", Response(start.Run)),
            MigrationStartOutcome.InvalidConnectionString => ConfigProblems.Invalid(InvalidConnectionString(start.Detail!)),
            MigrationStartOutcome.SourceUnavailable => ConfigProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable Content",
                $"{start.Detail} Nothing was migrated.", "legacy_source_unavailable"),
            _ => ConfigProblems.Unavailable(start.Detail, "dependency_unavailable"),
        };
    }

    private static async Task<Results<Ok<LegacyMigrationResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, LegacyMigrations migrations, AccessPolicy access, CancellationToken cancellationToken)
    {
        if (access.AdminOf(http, out var refusal) is null)
        {
            return refusal!;
        }

        if (!Guid.TryParse(id, out var runId))
        {
            return ConfigProblems.Problem(StatusCodes.Status404NotFound, "Not Found", "No such migration.", "not_found");
        }

        var found = await migrations.FindAsync(runId, cancellationToken);
        return found.Outcome switch
        {
            StoreOutcome.Ok => TypedResults.Ok(Response(found.Value!)),
            StoreOutcome.NotFound => ConfigProblems.Problem(StatusCodes.Status404NotFound, "Not Found", "No such migration.", "not_found"),
            _ => ConfigProblems.Unavailable(found.Detail, "dependency_unavailable"),
        };
    }

    private static LegacyMigrationResponse Response(LegacyMigrationRecord run)
    {
        var end = run.FinishedAt ?? run.UpdatedAt;
        var seconds = Math.Max((end - run.StartedAt).TotalSeconds, 0.001);
        var report = run.ReportJson is null
            ? null
            : System.Text.Json.JsonSerializer.Deserialize(run.ReportJson, GatewayJsonContext.Default.LegacyMigrationReport);
        return new LegacyMigrationResponse(run.Id, run.State.ToString().ToLowerInvariant(), run.DryRun, run.RemoveMigrated, run.Source,
            run.Done, run.Total, Math.Round(run.Done / seconds, 1), run.StartedAt.UtcDateTime, run.UpdatedAt.UtcDateTime,
            run.FinishedAt?.UtcDateTime, run.Error, report);
    }

    private static RequestErrors InvalidConnectionString(string message)
    {
        var errors = new RequestErrors();
        errors.Add("connection_string", message);
        return errors;
    }
}
