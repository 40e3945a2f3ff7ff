using Bunit;
using DeepForge.Designer.Workers;
using DeepForge.Designer.Runs;
using DeepForge.Dispatch;
using DeepForge.Runner.Protocol;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.Workers;

/// <summary>The workers page on a real server: workers register and lease jobs through the job queue, as a worker's lease requests do.</summary>
public sealed class WorkersPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private DesignerTestServer _server = null!;
    private BunitContext _context = null!;

    public async Task InitializeAsync()
    {
        _server = await DesignerTestServer.StartAsync();
        _context = _server.NewBunitContext();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Shows_a_worker_with_its_labels_slots_and_the_job_it_runs()
    {
        var (execution, job) = await StartAndWaitForJobAsync();
        var leased = await _server.Queue.LeaseAsync(new LeaseRequest("gpu-box-1", ["cpu", "gpu"], 2, "box-1.lan", 0), CancellationToken.None);
        Assert.Equal(job.Id, leased?.JobId);

        var page = _context.Render<WorkersPage>();

        page.WaitForAssertion(() =>
        {
            var card = page.Find("[data-worker='gpu-box-1']");
            Assert.Contains("alive", card.QuerySelector(".df-worker-state")!.TextContent);
            Assert.Equal(["cpu", "gpu"], card.QuerySelectorAll(".df-worker-labels .df-label").Select(l => l.TextContent.Trim()));
            Assert.Contains("box-1.lan", card.TextContent);
            Assert.Contains("1 of 2 slots busy", card.TextContent);
            var row = card.QuerySelector($"[data-job='{job.Id}']")!;
            Assert.Contains("download", row.TextContent);
            Assert.Contains("LoadFashionMnist", row.TextContent);
            var link = row.QuerySelector("a.df-job-execution")!;
            Assert.Equal($"/executions/{execution}", link.GetAttribute("href"));
            Assert.Contains("fm / download-normalize", link.TextContent);
        }, Wait);
        Assert.Empty(page.FindAll(".df-waiting-job"));
    }

    [Fact]
    public async Task Lists_a_job_that_waits_for_labels_no_connected_worker_has()
    {
        await _server.Queue.LeaseAsync(new LeaseRequest("cpu-box", ["cpu"], 1, null, 0), CancellationToken.None);
        var (_, job) = await StartAndWaitForJobAsync(labels: ["gpu"]);

        var page = _context.Render<WorkersPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.Find($".df-waiting-job[data-job='{job.Id}']");
            Assert.Equal(["gpu"], row.QuerySelectorAll(".df-label").Select(l => l.TextContent.Trim()));
            Assert.Contains("waiting for a worker with: gpu", row.QuerySelector(".df-waiting-why")!.TextContent);
            Assert.Contains("No running jobs", page.Find("[data-worker='cpu-box']").TextContent);
        }, Wait);
    }

    [Fact]
    public async Task Marks_a_worker_lost_when_it_has_not_been_heard_from()
    {
        // What a worker that went away leaves in the store: its record as last heard from, ten minutes ago.
        var runners = new DocumentCollection<RunnerRecord>(_server.Services.GetRequiredService<DeepForgeStore>().Documents, Collections.Runners);
        var then = DateTimeOffset.UtcNow.AddMinutes(-10);
        await runners.PutAsync("gone-box", null, new RunnerRecord { Id = "gone-box", Labels = ["cpu"], Slots = 1, FirstSeen = then, LastSeen = then }, null, CancellationToken.None);

        var page = _context.Render<WorkersPage>();

        page.WaitForAssertion(() =>
        {
            var card = page.Find("[data-worker='gone-box']");
            Assert.Contains("lost", card.QuerySelector(".df-worker-state")!.TextContent);
            Assert.Contains("heard from 10 min ago", card.TextContent);
        }, Wait);
    }

    [Fact]
    public async Task Shows_a_worker_that_connects_after_the_page_opened()
    {
        var page = _context.Render<WorkersPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-workers")), Wait);

        await _server.Queue.LeaseAsync(new LeaseRequest("late-box", ["cpu"], 1, null, 0), CancellationToken.None);

        // No new render is asked for: the page reads the workers again by itself.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-worker='late-box']")), Wait);
        Assert.Empty(page.FindAll(".df-no-workers"));
    }

    /// <summary>Creates project "fm" from the fashion-mnist seed, starts download-normalize and waits until its first job is queued.</summary>
    private async Task<(string Execution, JobRecord Job)> StartAndWaitForJobAsync(IReadOnlyList<string>? labels = null)
    {
        await _server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        if (labels != null)
        {
            var project = await _server.Engine.Projects.GetAsync("fm");
            project.FindPipeline("download-normalize")!.Nodes.Single(n => n.Id == "download").Labels = [.. labels];
            await _server.Engine.Projects.SaveAsync(project);
        }
        var execution = await _server.Services.GetRequiredService<ExecutionStarter>().StartAsync("fm", "download-normalize");
        var jobs = new JobStore(_server.Services.GetRequiredService<DeepForgeStore>().Documents);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if ((await jobs.QueuedAsync(CancellationToken.None)).FirstOrDefault(j => j.ExecutionId == execution.Id) is { } job) return (execution.Id, job);
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no job of execution {execution.Id} was queued: {(await _server.Engine.Executions.GetAsync(execution.Id)).Status}");
            await Task.Delay(100);
        }
    }
}
