global using ConfigCluster.Adapters.Redis.Tests.Support;
global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.TestSupport;
