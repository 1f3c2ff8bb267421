using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;
using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Grains.Flags;

/// <summary>Turns stored rows back into definitions.</summary>
internal static partial class StoredFlags
{
    /// <summary>The definition of a stored flag; null (logged) when its JSON cannot be read, which only a hand edit causes.</summary>
    public static FlagDefinition? Definition(StoredFlag stored, ILogger logger)
    {
        try
        {
            return FlagJson.FromStorageJson(stored.Environment, stored.Key, stored.DefinitionJson, stored.Version, stored.CreatedAt, stored.UpdatedAt);
        }
        catch (JsonException)
        {
            LogUnreadable(logger, stored.Environment, stored.Key, stored.Version);
            return null;
        }
    }

    [LoggerMessage(EventId = 3063, Level = LogLevel.Error,
        Message = "The stored definition of flag {Environment}/{Key} v{Version} cannot be read; the flag is left out until it is written again")]
    private static partial void LogUnreadable(ILogger logger, string environment, string key, long version);
}
