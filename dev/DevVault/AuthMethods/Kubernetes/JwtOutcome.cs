using System.Text.Json;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>A JWT's validation result: its claims, a signature failure, or a claims refusal with cap's text.</summary>
internal sealed record JwtOutcome(JsonElement Claims, bool SignatureFailed, string? Refusal)
{
    public static JwtOutcome SignatureFailure { get; } = new(default, true, null);

    public static JwtOutcome Valid(JsonElement claims) => new(claims, false, null);

    public static JwtOutcome Refused(string message) => new(default, false, message);
}
