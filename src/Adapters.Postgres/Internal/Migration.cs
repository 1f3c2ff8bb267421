namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>One embedded schema migration: <c>Migrations/{Version:0000}_{Name}.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
