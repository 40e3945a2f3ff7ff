using System.Text.Json;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Schedules;

/// <summary>
/// A schedule firing every five seconds on 'deepforge start -s' processes: one execution per fire, through a server restart
/// (with each policy for the fires missed meanwhile) and with two servers on one store.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ScheduledRunTests : IDisposable
{
    private readonly Cluster _cluster = new();
    private readonly ScheduledRuns _runs;

    public ScheduledRunTests() => _runs = new ScheduledRuns(_cluster, "nightly");

    [Fact]
    public async Task EveryFire_StartsExactlyOneExecution_MarkedWithItsScheduleAndFireTime()
    {
        _runs.CreateProject();
        await _cluster.StartServerAsync();
        var schedule = _runs.Add();

        var fires = await _runs.WaitForFiresAsync(schedule, 3, _cluster.Describe);

        ScheduledRuns.AssertOneRunPerFire(schedule, fires);
        // No fire was left out between the first and the last: they follow each other by five seconds.
        Assert.All(fires.Zip(fires.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(5), pair.Second.FireTime - pair.First.FireTime));
        var listed = CliAssert.Succeeded(_cluster.Server.Run("executions", _runs.Project, "--server", _cluster.Url)).Stdout;
        Assert.Contains($"schedule {schedule} @", listed);
    }

    [Fact]
    public async Task FiresMissedWhileTheServerWasDown_RunOnceOnStart_WhenThePolicyIsRunOnce()
    {
        var (schedule, missed, fires) = await RestartAsync("run-once");

        var inGap = fires.Where(f => f.FireTime >= missed.First && f.FireTime <= missed.Last).ToList();
        Assert.Equal(missed.Last, Assert.Single(inGap).FireTime);
        ScheduledRuns.AssertOneRunPerFire(schedule, fires);
        var list = CliAssert.Succeeded(_cluster.Server.Run("schedule", "list", _runs.Project, "--server", _cluster.Url)).Stdout;
        Assert.Contains($"{missed.Count} missed, ran once", list);
    }

    [Fact]
    public async Task FiresMissedWhileTheServerWasDown_AreNotRun_WhenThePolicyIsSkip()
    {
        var (schedule, missed, fires) = await RestartAsync("skip");

        Assert.DoesNotContain(fires, f => f.FireTime >= missed.First && f.FireTime <= missed.Last);
        ScheduledRuns.AssertOneRunPerFire(schedule, fires);
        var list = CliAssert.Succeeded(_cluster.Server.Run("schedule", "list", _runs.Project, "--server", _cluster.Url)).Stdout;
        Assert.Contains($"{missed.Count} missed, skipped", list);
    }

    [Fact]
    public async Task TwoServersOnOneStore_EachFiringTheSchedule_StartOneExecutionPerFire()
    {
        _runs.CreateProject();
        await _cluster.StartServerAsync();
        var schedule = _runs.Add();
        var port = FreePort.Next();
        using var second = _cluster.Server.Start("start", "-s", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var secondApi = new ServerApi($"http://127.0.0.1:{port}");
        await Poll.UntilAsync(async () =>
        {
            Assert.False(second.HasExited, $"the second server ended\n{second}");
            try { return (await secondApi.Http.GetAsync("/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ScheduledRuns.Bound, () => $"the second server never became ready\n{second}");
        var bothUp = DateTimeOffset.UtcNow;

        var fires = await _runs.WaitForFiresAsync(schedule, 0, _cluster.Describe);
        await Poll.UntilAsync(async () => (fires = await _runs.FiresAsync(schedule)).Count(f => f.FireTime > bothUp) >= 4, ScheduledRuns.Bound,
            () => $"four fires never ran with both servers up\n{_cluster.Describe()}\n=== second server ===\n{second}");

        ScheduledRuns.AssertOneRunPerFire(schedule, fires);
        var whileBoth = fires.Where(f => f.FireTime > bothUp).ToList();
        Assert.All(whileBoth.Zip(whileBoth.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(5), pair.Second.FireTime - pair.First.FireTime));
        Assert.False(second.HasExited, $"the second server ended\n{second}");
    }

    /// <summary>A schedule with the policy fires, the server is killed, stays down over at least two fires, and starts again.</summary>
    private async Task<(string Schedule, (int Count, DateTimeOffset First, DateTimeOffset Last) Missed, IReadOnlyList<(string Id, DateTimeOffset FireTime)> Fires)> RestartAsync(string policy)
    {
        _runs.CreateProject();
        await _cluster.StartServerAsync();
        var schedule = _runs.Add("--missed", policy);
        var before = await _runs.WaitForFiresAsync(schedule, 1, _cluster.Describe);
        _cluster.KillServer();
        // Down over at least two fires: the wait is the outage, not a bound on anything.
        await Task.Delay(TimeSpan.FromSeconds(12));
        await _cluster.StartServerAsync();

        var found = await Poll.UntilAsync(async () =>
        {
            var view = await _runs.ScheduleAsync(schedule);
            return view.TryGetProperty("lastMissed", out var m) && m.ValueKind == JsonValueKind.Object ? m.GetRawText() : null;
        }, ScheduledRuns.Bound, _cluster.Describe);
        var record = JsonDocument.Parse(found).RootElement;
        var missed = (record.GetProperty("count").GetInt32(), record.GetProperty("first").GetDateTimeOffset(), record.GetProperty("last").GetDateTimeOffset());
        Assert.True(missed.Item1 >= 2, $"the outage spanned at least two fires, but {missed.Item1} were found missed");
        Assert.True(missed.Item2 > before[^1].FireTime, "a fire that ran before the kill was counted as missed");
        Assert.Equal(policy, record.GetProperty("action").GetString());
        // A fire after the restart, from the trigger: the schedule goes on.
        var restartedAt = DateTimeOffset.UtcNow;
        await Poll.UntilAsync(async () => (await _runs.FiresAsync(schedule)).Any(f => f.FireTime > restartedAt), ScheduledRuns.Bound, _cluster.Describe);
        return (schedule, missed, await _runs.FiresAsync(schedule));
    }

    public void Dispose() => _cluster.Dispose();
}
