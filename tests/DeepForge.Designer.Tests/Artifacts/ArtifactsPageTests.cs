using Bunit;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.Artifacts;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>The artifacts page on a real engine; the fashion-mnist seed's train pipeline reads the artifact named "traindata".</summary>
public sealed class ArtifactsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private DesignerTestServer _server = null!;
    private BunitContext _context = null!;
    private string _file = null!;

    public async Task InitializeAsync()
    {
        _server = await DesignerTestServer.StartAsync();
        _context = _server.NewBunitContext();
        await _server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        _file = Path.Combine(_server.Directory, "upload.bin");
        await File.WriteAllBytesAsync(_file, new byte[3 * 1024 + 512]);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    private DeepForgeStore Store => _server.Services.GetRequiredService<DeepForgeStore>();

    [Fact]
    public async Task Shows_an_artifact_saved_after_the_page_opened_without_any_edit_of_the_project()
    {
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-artifacts")), Wait);

        // As a run's Output node does: straight into the store, telling no page.
        await _server.Engine.Artifacts.SaveAsync("fm", "scores", new[] { 0.5, 0.25 });

        page.WaitForAssertion(() => Assert.Contains("scores", page.Find(".df-artifacts tbody").TextContent), Wait);
    }

    [Fact]
    public async Task Lists_each_artifact_with_its_type_size_creation_and_the_execution_that_made_it()
    {
        var uploaded = await _server.Engine.Artifacts.UploadFileAsync("fm", "notes", _file);
        // As an Output node of an execution stores it.
        var produced = new ArtifactRecord
        {
            Id = "exec-artifact-1", Project = "fm", Name = "classes", DataType = "System.String[]", Hash = uploaded.Hash, Size = 5_400_000,
            ExecutionId = "exec-42", NodeId = "classes", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        };
        await Store.Artifacts.PutAsync(produced.Id, "fm", produced, 0, CancellationToken.None);

        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll(".df-artifacts tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.Contains("notes", rows[0].TextContent); // newest first
            Assert.Contains("DataFile", rows[0].TextContent);
            Assert.Contains("3.5 KB", rows[0].TextContent);
            Assert.Contains("uploaded", rows[0].TextContent);
            Assert.Contains(uploaded.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm"), rows[0].TextContent);
            Assert.Contains("String", rows[1].TextContent);
            Assert.Contains("5.1 MB", rows[1].TextContent);
            Assert.Equal("/executions/exec-42", rows[1].QuerySelector("a.df-artifact-execution")!.GetAttribute("href"));
            Assert.Contains("node classes", rows[1].TextContent);
            Assert.Equal($"api/v1/projects/fm/artifacts/{uploaded.Id}/content", rows[0].QuerySelector("a.df-artifact-download")!.GetAttribute("href"));
        }, Wait);
    }

    [Fact]
    public async Task Shows_the_pipeline_and_node_that_read_an_artifact_and_only_the_newest_of_a_name_is_read()
    {
        var older = await _server.Engine.Artifacts.UploadFileAsync("fm", "traindata", _file);
        await Task.Delay(20); // a later creation time than the first
        var newer = await _server.Engine.Artifacts.UploadFileAsync("fm", "traindata", _file);

        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll(".df-artifacts tbody tr");
            Assert.Equal(2, rows.Count);
            var reader = rows.Single(r => r.InnerHtml.Contains(newer.Id)).QuerySelector(".df-artifact-reader")!;
            Assert.Equal("train · node trainingdata", string.Join(" ", reader.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
            Assert.Equal("/projects/fm/pipelines/train", reader.QuerySelector("a")!.GetAttribute("href"));
            Assert.Null(rows.Single(r => r.InnerHtml.Contains(older.Id)).QuerySelector(".df-artifact-reader"));
        }, Wait);
    }

    [Fact]
    public async Task Follows_an_edit_from_another_page_that_points_the_Input_node_elsewhere()
    {
        await _server.Engine.Artifacts.UploadFileAsync("fm", "traindata", _file);
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-artifact-reader")), Wait);

        // Edits are made per circuit (each checked against its sign-in): this scope stands for another page's.
        using var another = _server.Services.CreateScope();
        await another.ServiceProvider.GetRequiredService<ProjectEdits>().ApplyAsync("fm", "another-page", project =>
        {
            project.FindPipeline("train")!.Nodes.Single(n => n.Id == "trainingdata").Artifact = "other-data";
            return true;
        });

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".df-artifact-reader")), Wait);
    }

    [Fact]
    public async Task Delete_is_refused_naming_the_pipeline_and_node_while_an_Input_node_reads_the_artifact()
    {
        var traindata = await _server.Engine.Artifacts.UploadFileAsync("fm", "traindata", _file);
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-artifact-reader")), Wait);

        page.Find(".df-artifact-delete").Click();

        page.WaitForAssertion(() =>
        {
            var problem = page.Find(".df-artifact-problem").TextContent;
            Assert.Contains("Not deleted", problem);
            Assert.Contains("Input node 'trainingdata' of pipeline 'train'", problem);
        }, Wait);
        Assert.NotNull((await Store.Artifacts.GetAsync(traindata.Id, CancellationToken.None))?.Value);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_then_deletes_an_artifact_no_pipeline_reads()
    {
        var scratch = await _server.Engine.Artifacts.UploadFileAsync("fm", "scratch", _file);
        var dialogs = _context.Render<RadzenDialog>();
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".df-artifacts tbody tr")), Wait);
        Assert.Empty(page.FindAll(".df-artifact-reader"));

        page.Find(".df-artifact-delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete artifact 'scratch'", dialogs.Markup), Wait);
        Assert.NotNull((await Store.Artifacts.GetAsync(scratch.Id, CancellationToken.None))?.Value);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Delete")).Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Deleted scratch", page.Find(".df-artifact-notice").TextContent);
            Assert.NotNull(page.Find(".df-no-artifacts"));
        }, Wait);
        Assert.Null(await Store.Artifacts.GetAsync(scratch.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Declining_the_confirmation_keeps_the_artifact()
    {
        var scratch = await _server.Engine.Artifacts.UploadFileAsync("fm", "scratch", _file);
        var dialogs = _context.Render<RadzenDialog>();
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "fm"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".df-artifacts tbody tr")), Wait);

        page.Find(".df-artifact-delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Keep it", dialogs.Markup), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Keep it")).Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Keep it", dialogs.Markup), Wait);
        Assert.NotNull((await Store.Artifacts.GetAsync(scratch.Id, CancellationToken.None))?.Value);
        Assert.Single(page.FindAll(".df-artifacts tbody tr"));
    }

    [Fact]
    public void Says_so_when_the_project_does_not_exist()
    {
        var page = _context.Render<ArtifactsPage>(p => p.Add(x => x.Name, "nope"));
        page.WaitForAssertion(() => Assert.Contains("there is no project 'nope'", page.Markup), Wait);
    }
}
