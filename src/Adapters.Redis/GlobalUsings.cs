global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.Ports;
