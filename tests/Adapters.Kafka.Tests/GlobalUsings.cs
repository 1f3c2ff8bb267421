global using ConfigCluster.TestSupport;
