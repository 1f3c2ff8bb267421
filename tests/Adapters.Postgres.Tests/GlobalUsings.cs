global using ConfigCluster.Adapters.Postgres.Tests.Support;
global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.Ports;
global using Npgsql;
