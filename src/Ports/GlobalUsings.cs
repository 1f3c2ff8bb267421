global using ConfigCluster.Grains.Interfaces.Config;
