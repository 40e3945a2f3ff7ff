using Bunit;
using DeepForge.Designer.ArchitectureEditor;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class ArchitectureEditorPageTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);
    private readonly BunitContext _context;

    public ArchitectureEditorPageTests() => _context = _engine.NewBunitContext();

    public async Task InitializeAsync()
    {
        // The diagram asks the browser for its canvas's size; bunit has no layout, so it gets a fixed one.
        _context.JSInterop.Setup<Blazor.Diagrams.Core.Geometry.Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true)
            .SetResult(new Blazor.Diagrams.Core.Geometry.Rectangle(0, 0, 1000, 800));
        await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private IRenderedComponent<ArchitectureEditorPage> Open() =>
        _context.Render<ArchitectureEditorPage>(p => p.Add(x => x.Name, "fm").Add(x => x.Arch, "cnn"));

    [Fact]
    public void Draws_every_layer_with_the_shape_it_gives()
    {
        var page = Open();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(14, page.FindAll(".df-layer").Count);
            Assert.Contains("32×14×14", page.Find(".df-layer[data-layer=pool1] .df-layer-output-shape").TextContent);
            Assert.Contains("1×28×28", page.Find(".df-layer[data-layer=conv1] .df-layer-input-shape").TextContent);
            Assert.Contains("1×28×28 → 10", page.Find(".df-shapes-fit").TextContent);
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Clicking_a_palette_layer_adds_it_and_stores_it()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(14, page.FindAll(".df-layer").Count), TimeSpan.FromSeconds(30));

        await page.Find(".df-palette-item[data-layer-type=Tanh]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-layer[data-layer=tanh1]")), TimeSpan.FromSeconds(30));
        Assert.Contains((await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!.Layers, l => l.Type == "Tanh");
    }

    [Fact]
    public void Palette_filter_keeps_only_matching_layers()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".df-palette-item")), TimeSpan.FromSeconds(30));

        page.Find(".df-palette-filter").Input("pool");

        page.WaitForAssertion(() => Assert.Equal(["MaxPool2d", "AvgPool2d"], page.FindAll(".df-palette-item").Select(e => e.GetAttribute("data-layer-type"))));
    }

    [Fact]
    public async Task Another_pages_edit_marks_the_misfit_here()
    {
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(14, page.FindAll(".df-layer").Count), TimeSpan.FromSeconds(30));

        await _engine.Edits.ApplyAsync("fm", "another-page", p =>
        {
            p.FindArchitecture("cnn")!.Layers.Single(l => l.Id == "fc1").Attributes["in_features"] = System.Text.Json.JsonSerializer.SerializeToElement(100);
            return true;
        });

        page.WaitForAssertion(() =>
        {
            Assert.Contains("expects 100 input features but gets 3136", page.Find(".df-layer-misfit[data-layer=fc1] .df-layer-problem").TextContent);
            Assert.Contains("fc1", page.Find(".df-shape-problem").TextContent);
        }, TimeSpan.FromSeconds(30));
    }
}
