global using ConfigCluster.Grains.Interfaces.Config;
global using ConfigCluster.Ports;
global using ConfigCluster.Vault.Client;
