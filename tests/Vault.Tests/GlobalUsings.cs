global using ConfigCluster.Vault.Tests.Support;
