namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>Who reads an allow-listed flat variable, which tells how the allow-list entry itself is checked.</summary>
internal enum FlatVariableReader
{
    /// <summary>The app's own code: the name appears as a string literal in the app's source.</summary>
    AppSource,

    /// <summary>Microsoft.Orleans.Hosting.Kubernetes: the app references the package and calls UseKubernetesHosting.</summary>
    OrleansKubernetesHosting,

    /// <summary>ASP.NET Core's host (WebApplication.CreateBuilder): the app is a Microsoft.NET.Sdk.Web project.</summary>
    AspNetCoreHost,

    /// <summary>The .NET runtime and generic host: every .NET app.</summary>
    DotNetHost,
}
