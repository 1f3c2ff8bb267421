global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.Grains.Tests.Support;
global using Orleans;
global using ConfigCluster.TestSupport;
