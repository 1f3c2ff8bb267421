global using System.Diagnostics;
global using System.Globalization;
global using ConfigCluster.Grains.Interfaces.Config;
