using Bunit;
using DeepForge.Designer.Artifacts;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>The execution page's list of what the run saved, with a model's export buttons, on a real engine with Torch.</summary>
public sealed class ExecutionArtifactsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private DesignerTestServer _server = null!;
    private BunitContext _context = null!;

    public async Task InitializeAsync()
    {
        _server = await DesignerTestServer.StartAsync();
        _context = _server.NewBunitContext();
        await _server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Lists_only_the_runs_own_artifacts_with_ONNX_and_PyTorch_downloads_for_its_model()
    {
        await _server.Engine.Artifacts.SaveAsync("fm", "traindata", new[] { 1.0, 2.0 });
        var saved = await ExportBrowserTests.SaveModelAsync(_server, "fm", "myModel");
        // As a run's Output node records it: made by execution run-1, node model.
        var made = new ArtifactRecord
        {
            Id = "run-1-model", Project = "fm", Name = "myModel", DataType = saved.DataType, Hash = saved.Hash, Size = saved.Size,
            CreatedAt = DateTimeOffset.UtcNow, ExecutionId = "run-1", NodeId = "model",
        };
        await _server.Services.GetRequiredService<DeepForgeStore>().Artifacts.PutAsync(made.Id, "fm", made, 0, CancellationToken.None);

        var list = _context.Render<ExecutionArtifacts>(p => p.Add(x => x.Project, "fm").Add(x => x.ExecutionId, "run-1").Add(x => x.Status, ExecutionStatus.Succeeded));

        list.WaitForAssertion(() =>
        {
            var row = Assert.Single(list.FindAll(".df-execution-artifact"));
            Assert.Equal("myModel", row.GetAttribute("data-artifact"));
            Assert.Equal(["onnx", "pytorch"], row.QuerySelectorAll("a.df-artifact-export").Select(a => a.GetAttribute("data-format")));
            Assert.EndsWith("/artifacts/run-1-model/export?format=onnx", row.QuerySelector("a[data-format=onnx]")!.GetAttribute("href"));
        }, Wait);
    }
}
