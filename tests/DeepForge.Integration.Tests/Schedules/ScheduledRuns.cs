using System.Globalization;
using System.Text.Json;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Schedules;

/// <summary>A project with a small pipeline on a <see cref="Cluster"/>'s server, and what its schedules and scheduled executions look like over the REST API.</summary>
internal sealed class ScheduledRuns(Cluster cluster, string project)
{
    /// <summary>Every five seconds, Quartz's form with seconds.</summary>
    public const string EveryFiveSeconds = "*/5 * * * * ?";

    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public string Project { get; } = project;

    /// <summary>Makes the project (before the server starts): make.text -> Output "text".</summary>
    public void CreateProject() => cluster.CreateProject(Project, new SeedFolder(cluster.Temp[$"{Project}-seed"])
        .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
        .WithPipeline(new PipelineJson("texts").Operation("make", "MakeText", new { length = 10, seed = 1 }).Output("text", "text").Connect("make.text", "text.data")));

    /// <summary>'deepforge schedule add' against the server; returns the schedule id it printed.</summary>
    public string Add(params string[] more)
    {
        var added = CliAssert.Succeeded(cluster.Server.Run(["schedule", "add", Project, "texts", "--cron", EveryFiveSeconds, "--server", cluster.Url, "--json", .. more]));
        return JsonDocument.Parse(added.Stdout).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The project's executions started by the schedule: (execution id, fire time), oldest fire first.</summary>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset FireTime)>> FiresAsync(string schedule) =>
        (await cluster.Api.GetJsonAsync($"/api/v1/projects/{Project}/executions")).EnumerateArray()
            .Where(e => e.TryGetProperty("scheduleId", out var s) && s.GetString() == schedule)
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("scheduledFor").GetDateTimeOffset()))
            .OrderBy(f => f.Item2).ToList();

    public Task<JsonElement> ScheduleAsync(string schedule) => cluster.Api.GetJsonAsync($"/api/v1/projects/{Project}/schedules/{schedule}");

    /// <summary>Waits until the schedule has started at least <paramref name="count"/> runs; returns them.</summary>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset FireTime)>> WaitForFiresAsync(string schedule, int count, Func<string> describe)
    {
        IReadOnlyList<(string Id, DateTimeOffset FireTime)> fires = [];
        await Poll.UntilAsync(async () => (fires = await FiresAsync(schedule)).Count >= count, Bound,
            () => $"the schedule started {fires.Count} runs, not {count}\n{describe()}");
        return fires;
    }

    /// <summary>The id a fire's execution must have: its fire time and the schedule.</summary>
    public static string ExecutionId(string schedule, DateTimeOffset fireTime) =>
        $"{fireTime.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{schedule}";

    /// <summary>Each fire ran once, under the id derived from it, on the five-second grid.</summary>
    public static void AssertOneRunPerFire(string schedule, IReadOnlyList<(string Id, DateTimeOffset FireTime)> fires)
    {
        Assert.Equal(fires.Count, fires.Select(f => f.FireTime).Distinct().Count());
        Assert.All(fires, f => Assert.Equal(ExecutionId(schedule, f.FireTime), f.Id));
        Assert.All(fires, f => Assert.Equal(0, f.FireTime.Second % 5));
    }
}
