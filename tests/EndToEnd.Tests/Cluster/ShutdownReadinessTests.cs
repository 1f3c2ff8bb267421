namespace ConfigCluster.EndToEnd.Tests.Cluster;

[Collection(SiloProcessesCollection.Name)]
public sealed class ShutdownReadinessTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task OnSigtermReadinessAnswers503WhileTheSiloStillServesAndThenTheProcessExits()
    {
        var worker = await fixture.StartWorkerAsync(clientGateway: false, "--Cluster:ShutdownDrainDelay=00:00:05");
        Assert.True(await worker.IsReadyAsync());

        worker.Process.Terminate();
        var ready = await Eventually.ReachesAsync(() => worker.Http.GetAsync("/health/ready"),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5), "readiness to drop");
        var live = await worker.Http.GetAsync("/health/live");

        Assert.Equal("shutting down", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await worker.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(worker.Process.HasExited);
    }
}
