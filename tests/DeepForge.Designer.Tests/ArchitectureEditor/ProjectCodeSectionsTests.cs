using Bunit;
using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class ProjectCodeSectionsTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);
    private readonly BunitContext _context;

    public ProjectCodeSectionsTests() => _context = _engine.NewBunitContext();

    public async Task InitializeAsync()
    {
        await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await _engine.Edits.ApplyAsync("fm", "setup", p =>
        {
            p.Sources.Add(new SourceFile("layers/Residual.cs", TestLayers.Residual));
            p.Sources.Add(new SourceFile("types/Measurements.cs", "public sealed record Measurements(double[] Values);\n"));
            return true;
        });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private async Task<IRenderedComponent<ProjectCodeSections>> RenderAsync()
    {
        var project = await _engine.Engine.Projects.GetAsync("fm");
        return _context.Render<ProjectCodeSections>(p => p.Add(x => x.Project, project));
    }

    [Fact]
    public async Task Lists_custom_layers_and_data_types_with_links_to_their_editors()
    {
        var sections = await RenderAsync();

        Assert.Equal("/projects/fm/layers/Residual", sections.Find(".df-layer-card a").GetAttribute("href"));
        Assert.Equal("/projects/fm/types/Measurements", sections.Find(".df-type-card a").GetAttribute("href"));
    }

    [Fact]
    public async Task New_architecture_is_stored_and_opened()
    {
        var sections = await RenderAsync();

        sections.Find(".df-new-architecture-name").Input("mlp");
        await sections.Find(".df-new-architecture-create").ClickAsync(new());

        sections.WaitForAssertion(() => Assert.EndsWith("/projects/fm/architectures/mlp", _context.Services.GetRequiredService<NavigationManager>().Uri));
        Assert.NotNull((await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("mlp"));
    }

    [Fact]
    public async Task New_architecture_with_a_taken_name_is_refused_and_nothing_changes()
    {
        var sections = await RenderAsync();

        sections.Find(".df-new-architecture-name").Input("cnn");
        await sections.Find(".df-new-architecture-create").ClickAsync(new());

        sections.WaitForAssertion(() => Assert.Contains("already has an architecture 'cnn'", sections.Markup));
        Assert.Single((await _engine.Engine.Projects.GetAsync("fm")).Architectures);
    }
}
