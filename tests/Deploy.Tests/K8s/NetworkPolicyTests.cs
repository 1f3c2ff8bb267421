using System.Globalization;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// The NetworkPolicies let the app work and little else: Orleans ports between the app's pods, the REST API
/// from the namespace, and egress to DNS, the Kubernetes API and the dependencies.
/// </summary>
public sealed class NetworkPolicyTests
{
    [Fact]
    public void EveryNetworkPolicySelectsConfigClusterPods()
    {
        Assert.All(ManifestSet.Files.NetworkPolicies, policy =>
            Assert.Contains(ManifestSet.Files.Deployments, d => DeploymentExtensions.Selects(policy.Spec.PodSelector.MatchLabels, d.TemplateLabels())));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodAcceptsOrleansTrafficFromEveryPodOfTheApp(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        foreach (var port in new[] { deployment.Port("silo"), deployment.Port("gateway") })
        {
            Assert.True(Ingress(deployment).Any(rule => Allows(rule.Ports, port, deployment) && FromEveryAppPod(rule)),
                $"{deployment.Name()} does not accept port {port} from every pod of the app.");
        }
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodMayReachEveryPodOfTheAppOnItsOrleansPorts(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        foreach (var target in ManifestSet.Files.Deployments)
        {
            foreach (var port in new[] { target.Port("silo"), target.Port("gateway") })
            {
                Assert.True(Egress(deployment).Any(rule => Allows(rule.Ports, port, target) && ToPodsOf(rule, target)),
                    $"{deployment.Name()} may not reach {target.Name()} on port {port}.");
            }
        }
    }

    [Fact]
    public void GatewayHttpIsOpenToEveryPodOfTheNamespace()
    {
        var gateway = ManifestSet.Files.DeploymentOf(Component.Gateway);

        Assert.Contains(Ingress(gateway), rule => Allows(rule.Ports, gateway.Port("http"), gateway)
            && (rule.FromProperty ?? []).Any(peer => peer.PodSelector?.MatchLabels is null or { Count: 0 } && peer.NamespaceSelector is null));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodMayResolveDnsReachTheKubernetesApiAndVault(string component)
    {
        var context = ComponentContext.For(component);
        var vault = new Uri(context.Environment.Literal("VAULT_ADDR") ?? throw new InvalidOperationException("VAULT_ADDR is not set."));

        Assert.True(AllowsEgress(context.Deployment, 53, "UDP") && AllowsEgress(context.Deployment, 53, "TCP"), "No DNS.");
        Assert.True(AllowsEgress(context.Deployment, 443, "TCP"), "No Kubernetes API (443): Orleans' Kubernetes hosting could not watch pods.");
        Assert.True(AllowsEgress(context.Deployment, vault.Port, "TCP"), $"No egress to Vault's port {vault.Port}.");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodMayReachPostgresRedisAndKafkaOnTheirDefaultPorts(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        Assert.All(new[] { 5432, 6379, 9092 }, port => Assert.True(AllowsEgress(deployment, port, "TCP"), $"No egress to port {port}."));
    }

    private static IEnumerable<V1NetworkPolicy> Selecting(V1Deployment deployment) =>
        ManifestSet.Files.NetworkPolicies.Where(p => DeploymentExtensions.Selects(p.Spec.PodSelector.MatchLabels, deployment.TemplateLabels()));

    private static IEnumerable<V1NetworkPolicyIngressRule> Ingress(V1Deployment deployment) =>
        Selecting(deployment).SelectMany(p => p.Spec.Ingress ?? []);

    private static IEnumerable<V1NetworkPolicyEgressRule> Egress(V1Deployment deployment) =>
        Selecting(deployment).SelectMany(p => p.Spec.Egress ?? []);

    private static bool AllowsEgress(V1Deployment deployment, int port, string protocol) =>
        Egress(deployment).Any(rule => (rule.Ports ?? []).Any(p => (p.Protocol ?? "TCP") == protocol && p.Port?.Value == port.ToString(CultureInfo.InvariantCulture)));

    /// <summary>True when the rule's ports include <paramref name="port"/>, by number or by the target pod's port name.</summary>
    private static bool Allows(IList<V1NetworkPolicyPort>? ports, int port, V1Deployment target) =>
        ports is null || ports.Any(p => (p.Protocol ?? "TCP") == "TCP" && (p.Port?.Value == port.ToString(CultureInfo.InvariantCulture)
            || target.Container().Ports.Any(c => c.Name == p.Port?.Value && c.ContainerPort == port)));

    /// <summary>No <c>from</c> at all admits every source; otherwise some peer must select each Deployment's pods.</summary>
    private static bool FromEveryAppPod(V1NetworkPolicyIngressRule rule) =>
        rule.FromProperty is null or { Count: 0 }
        || ManifestSet.Files.Deployments.All(d => rule.FromProperty.Any(peer => SelectsPodsOf(peer, d)));

    private static bool ToPodsOf(V1NetworkPolicyEgressRule rule, V1Deployment target) =>
        rule.To is null or { Count: 0 } || rule.To.Any(peer => SelectsPodsOf(peer, target));

    private static bool SelectsPodsOf(V1NetworkPolicyPeer peer, V1Deployment deployment) =>
        peer.NamespaceSelector is null && peer.IpBlock is null && peer.PodSelector is not null
        && DeploymentExtensions.Selects(peer.PodSelector.MatchLabels, deployment.TemplateLabels());
}
