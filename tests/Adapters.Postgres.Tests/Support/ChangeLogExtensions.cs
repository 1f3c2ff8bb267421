namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>Shortcuts for arranging changes: each asserts that the log accepted the step.</summary>
public static class ChangeLogExtensions
{
    public static async Task<ChangeTicket> BeginOkAsync(this IChangeLog log, ChangeRecord change)
    {
        var begun = await log.BeginAsync(change, CancellationToken.None);
        Assert.True(begun.IsOk, begun.Detail);
        return begun.Value;
    }

    public static async Task<ChangeTicket> CommittedAsync(this IChangeLog log, ChangeRecord change)
    {
        var ticket = await log.BeginOkAsync(change);
        var committed = await log.CommitAsync(ticket, change.NewVersion, change.At, CancellationToken.None);
        Assert.True(committed.IsOk, committed.Detail);
        return ticket;
    }

    public static async Task<ChangeTicket> AbortedAsync(this IChangeLog log, ChangeRecord change)
    {
        var ticket = await log.BeginOkAsync(change);
        var aborted = await log.AbortAsync(ticket, CancellationToken.None);
        Assert.True(aborted.IsOk, aborted.Detail);
        return ticket;
    }
}
