global using ConfigCluster.Grains.Interfaces.Config;
global using Orleans;
global using Orleans.Concurrency;
