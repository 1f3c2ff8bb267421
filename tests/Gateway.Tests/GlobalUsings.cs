global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using ConfigCluster.Gateway.Tests.Support;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http.Features;
global using ConfigCluster.TestSupport;
