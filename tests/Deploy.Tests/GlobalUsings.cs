global using ConfigCluster.Deploy.Tests.Support;
global using k8s;
global using k8s.Models;
