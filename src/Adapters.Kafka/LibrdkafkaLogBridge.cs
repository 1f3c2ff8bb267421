using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Routes librdkafka's error and log callbacks to our logger, throttled per error code or facility. Non-fatal
/// errors are transient (librdkafka retries on its own) and log as warnings; fatal ones as errors, unthrottled.
/// </summary>
internal sealed class LibrdkafkaLogBridge(ILogger logger, TimeProvider timeProvider)
{
    /// <summary>At most one line per error code or facility per interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly LogThrottle _throttle = new(timeProvider, Interval);

    public void OnError(Error error)
    {
        if (error.IsFatal)
        {
            KafkaLog.FatalError(logger, error.Code, error.Reason);
        }
        else if (logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter($"error:{(int)error.Code}", out var suppressed))
        {
            KafkaLog.ClientError(logger, error.Code, error.Reason, suppressed);
        }
    }

    public void OnLog(LogMessage message)
    {
        var level = ToLogLevel(message.Level);
        if (logger.IsEnabled(level) && _throttle.TryEnter($"log:{message.Level}:{message.Facility}", out var suppressed))
        {
            KafkaLog.Librdkafka(logger, level, message.Facility, message.Message, suppressed);
        }
    }

    /// <summary>
    /// librdkafka logs a failed connect at syslog "error" and reports it again through the error callback, so its
    /// errors become warnings here; only emergencies, alerts and criticals are errors.
    /// </summary>
    internal static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Error,
        SyslogLevel.Error or SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
