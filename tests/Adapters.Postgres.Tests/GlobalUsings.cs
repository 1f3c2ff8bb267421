global using ConfigCluster.Adapters.Postgres.Tests.Support;
global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.Grains.Ports;
global using Npgsql;
