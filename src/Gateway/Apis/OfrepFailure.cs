using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Apis;

/// <summary>Why an OFREP request cannot be evaluated at all: answered 400 with its error code.</summary>
internal sealed record OfrepFailure(FlagErrorCode Code, string Details);
