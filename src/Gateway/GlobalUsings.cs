global using ConfigCluster.Grains.Interfaces.Config;
global using Microsoft.AspNetCore.Http.HttpResults;
