using Bunit;
using DeepForge.Designer.ProjectPages;
using ProjectsPage = DeepForge.Designer.ProjectPages.Projects;

namespace DeepForge.Designer.Tests.ProjectPages;

public sealed class ProjectsPageTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new();
    private readonly BunitContext _context;

    public ProjectsPageTests() => _context = _engine.NewBunitContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Lists_every_project_with_its_seed_and_pipelines()
    {
        await _engine.Engine.Projects.CreateAsync("mnist-one", "fashion-mnist");
        await _engine.Engine.Projects.CreateAsync("empty-one", "blank");
        var pipelines = (await _engine.Engine.Projects.GetAsync("mnist-one")).Pipelines.Select(p => p.Name).ToList();
        Assert.NotEmpty(pipelines);

        var page = _context.Render<ProjectsPage>();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll(".df-projects tbody tr");
            Assert.Equal(2, rows.Count);
            var mnist = rows.Single(r => r.TextContent.Contains("mnist-one"));
            Assert.Contains("fashion-mnist", mnist.TextContent);
            foreach (var pipeline in pipelines) Assert.Contains(pipeline, mnist.TextContent);
            Assert.Contains("blank", rows.Single(r => r.TextContent.Contains("empty-one")).TextContent);
            Assert.Equal("/projects/mnist-one", mnist.QuerySelector("a")!.GetAttribute("href"));
        });
    }

    [Fact]
    public void Says_so_when_there_are_no_projects()
    {
        var page = _context.Render<ProjectsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-no-projects")));
    }

    [Fact]
    public async Task Create_dialog_offers_no_Next_without_a_name_and_refuses_a_malformed_or_taken_one()
    {
        await _engine.Engine.Projects.CreateAsync("taken", "blank");
        var dialog = _context.Render<CreateProjectDialog>();

        Assert.True(dialog.Find(".df-next").HasAttribute("disabled")); // nothing typed: nothing to go on with

        dialog.Find("input").Input("   ");
        Assert.True(dialog.Find(".df-next").HasAttribute("disabled"));

        dialog.Find("input").Input("no spaces please");
        dialog.Find(".df-next").Click();
        dialog.WaitForAssertion(() => Assert.Contains("Use letters, digits", dialog.Find(".df-problem").TextContent));

        dialog.Find("input").Input("taken");
        dialog.Find(".df-next").Click();
        dialog.WaitForAssertion(() => Assert.Contains("'taken' already exists", dialog.Find(".df-problem").TextContent));
        Assert.Empty(dialog.FindAll(".df-create"));
    }

    [Fact]
    public async Task Create_dialog_asks_for_a_seed_then_creates_the_project()
    {
        var dialog = _context.Render<CreateProjectDialog>();

        dialog.Find("input").Input("my-mnist");
        dialog.Find(".df-next").Click();
        dialog.WaitForAssertion(() => Assert.Contains("my-mnist", dialog.Markup));
        Assert.Empty(dialog.FindAll(".df-problem"));
        // Every seed the engine knows is offered; fashion-mnist is chosen first.
        foreach (var seed in _engine.Engine.Projects.Seeds) Assert.Contains(seed.Name, dialog.Markup);

        dialog.Find(".df-create").Click();
        await dialog.WaitForAssertionAsync(async () => Assert.Equal("fashion-mnist", (await _engine.Engine.Projects.GetAsync("my-mnist")).Seed));
    }
}
