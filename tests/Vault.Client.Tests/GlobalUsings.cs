global using ConfigCluster.Vault.Client.Tests.Support;
global using ConfigCluster.TestSupport;
