using Bunit;
using DeepForge.Designer.CodeEditing;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.OperationEditor;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>
/// The operation editor page on a real engine and the fashion-mnist seed. Monaco does not run here: the tests
/// play its part as its script would (it reports a change; it answers for the typed code, in pieces) and read
/// what the page asks of it (the text to show, the markers to set).
/// </summary>
public sealed class OperationEditorPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(15);
    private readonly BunitContext _context = new();
    private SeedCode _seed = null!;
    private BunitJSModuleInterop _module = null!;
    private BunitJSModuleInterop _editors = null!;

    public async Task InitializeAsync()
    {
        _seed = await SeedCode.CreateAsync();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _module = _context.JSInterop.SetupModule("./_content/DeepForge.Designer/opeditor.js");
        _module.Mode = JSRuntimeMode.Loose;
        // The editor's script: it makes the editor (and says so) and answers for its text.
        _editors = _context.JSInterop.SetupModule("./_content/DeepForge.Designer/codeeditor.js");
        _editors.Mode = JSRuntimeMode.Loose;
        _editors.Setup<bool>("create", _ => true).SetResult(true);
        _context.Services.AddRadzenComponents();
        _context.Services.AddSingleton(_seed.Engine);
        _context.Services.AddSingleton<ProjectEditHub>();
        _context.Services.AddScoped<DeepForge.Designer.Access.DesignerAccess>();
        _context.Services.AddScoped<ProjectEdits>();
        _context.Services.AddSingleton<DeepForge.Designer.OperationEditor.Assist.CodeAssistant>();
        // As the designer registers it, with an admin signed in (bunit's stand-in for the circuit's sign-in).
        var signedIn = _context.AddAuthorization();
        signedIn.SetAuthorized("admin");
        signedIn.SetRoles("admin");
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _seed.DisposeAsync();
    }

    [Fact]
    public void Interface_ShowsTheRangeEachAttributeDeclares()
    {
        var page = Open("Train");

        page.WaitForAssertion(() =>
        {
            Assert.Equal("at least 1", page.Find(".df-op-attribute[data-name=epochs] .df-op-member-range").TextContent);
            Assert.Equal("greater than 0", page.Find(".df-op-attribute[data-name=learningRate] .df-op-member-range").TextContent);
            Assert.Empty(page.FindAll(".df-op-attribute[data-name=seed] .df-op-member-range"));
        }, Reading);
    }

    [Fact]
    public async Task AddingAnInputInTheInterface_AddsTheParameterToExecute()
    {
        var page = Open("Train");

        page.Find(".df-op-add-input").Click();
        page.Find(".df-op-form-name").Change("validationData");
        page.Find(".df-op-form-type").Change("ImageDataset");
        page.Find(".df-op-form-submit").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("ImageDataset", page.Find(".df-op-input[data-name=validationData]").TextContent);
            Assert.Contains("Execute(ImageDataset trainingData, ImageDataset validationData, OperationContext context)", ShownText());
            Assert.NotNull(page.Find(".df-op-unsaved"));
        }, Reading);
        Assert.Empty(page.FindAll(".df-op-form"));
        // Nothing is stored until Save.
        Assert.DoesNotContain("validationData", (await _seed.SourceAsync("Train")).Text);
    }

    [Fact]
    public void AddingAnInputWithABadName_IsRefusedInTheForm_AndTheCodeStaysAsItWas()
    {
        var page = Open("Train");

        page.Find(".df-op-add-input").Click();
        page.Find(".df-op-form-name").Change("2nd");
        page.Find(".df-op-form-type").Change("int");
        page.Find(".df-op-form-submit").Click();

        page.WaitForAssertion(() => Assert.Contains("'2nd' is not a valid C# name", page.Find(".df-op-form-problem").TextContent));
        Assert.Empty(_module.Invocations["replaceText"]);
    }

    [Fact]
    public void RemovingAnOutputInTheInterface_RemovesItFromTheReturnType()
    {
        var page = Open("NormalizeData");

        page.Find(".df-op-output[data-name=testingData] .df-op-remove").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("public ImageDataset Execute(ImageDataset trainingData, ImageDataset testingData)", ShownText());
            Assert.Empty(page.FindAll(".df-op-output[data-name=testingData]"));
            Assert.NotNull(page.Find(".df-op-output[data-name=trainingData]"));
        }, Reading);
    }

    [Fact]
    public async Task EditingTheCode_RedrawsTheInterface()
    {
        var page = Open("Train");
        var source = await _seed.SourceAsync("Train");
        var typed = source.Text
            .Replace("Execute(ImageDataset trainingData, OperationContext context)", "Execute(ImageDataset trainingData, string[] classes, OperationContext context)")
            .Replace("var model = new Model(net);", "var model = new Model(net); Console.WriteLine(classes.Length);")
            .Replace("int seed = 1)", "int seed = 1, bool verbose = true)");

        await TypeAsync(page, typed);

        page.WaitForAssertion(() =>
        {
            var classes = page.Find(".df-op-input[data-name=classes]");
            Assert.Contains("string[]", classes.TextContent);
            Assert.DoesNotContain("df-op-warning", classes.ClassName);
            Assert.Contains("bool = true", page.Find(".df-op-attribute[data-name=verbose]").TextContent);
        }, Reading);
        Assert.NotNull(page.Find(".df-op-reference[data-name=net]"));
    }

    [Fact]
    public async Task AnInputNeverUsed_IsHighlightedAmber_AndMarkedInTheCode()
    {
        var page = Open("Train");
        var source = await _seed.SourceAsync("Train");
        var typed = source.Text.Replace("Execute(ImageDataset trainingData, OperationContext context)", "Execute(ImageDataset trainingData, int unused, OperationContext context)");

        await TypeAsync(page, typed);

        page.WaitForAssertion(() =>
        {
            var unused = page.Find(".df-op-input[data-name=unused]");
            Assert.Contains("df-op-warning", unused.ClassName);
            Assert.Contains("DF0001", unused.GetAttribute("title"));
        }, Reading);
        Assert.DoesNotContain("df-op-warning", page.Find(".df-op-input[data-name=trainingData]").ClassName);
        var marker = Markers().Single(p => p.Code == "DF0001");
        var line = typed.Split('\n').ToList().FindIndex(l => l.Contains("int unused")) + 1;
        Assert.Equal((line, false, "input 'unused' is never used"), (marker.Line, marker.IsError, marker.Message));
        Assert.Equal("unused", typed.Split('\n')[line - 1][(marker.Column - 1)..(marker.EndColumn - 1)]);
    }

    [Fact]
    public async Task ACompileErrorInAnInputsType_HighlightsThatInputRed_AndSaysItWillNotCompile()
    {
        var page = Open("Train");
        var source = await _seed.SourceAsync("Train");

        await TypeAsync(page, source.Text.Replace("Execute(ImageDataset trainingData", "Execute(ImageDataSet trainingData"));

        page.WaitForAssertion(() =>
        {
            var input = page.Find(".df-op-input[data-name=trainingData]");
            Assert.Contains("df-op-error", input.ClassName);
            Assert.Contains("CS0246", input.GetAttribute("title"));
            Assert.NotNull(page.Find(".df-op-will-not-compile"));
        }, Reading);
        Assert.Contains(Markers(), m => m is { Code: "CS0246", IsError: true });
    }

    [Fact]
    public async Task Saving_StoresTheCode_EvenWithErrors_AndSaysItWillNotCompile()
    {
        var page = Open("Test");
        var source = await _seed.SourceAsync("Test");
        var typed = source.Text.Replace("var right = correct.Sum();", "var right = correct.Sum() + missing;");
        await TypeAsync(page, typed);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-op-will-not-compile")), Reading);

        page.Find(".df-op-save").Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(typed, (await _seed.SourceAsync("Test")).Text), Reading);
        page.WaitForAssertion(() =>
        {
            Assert.Contains("will not compile until its errors are fixed", page.Find(".df-op-notice").TextContent);
            Assert.NotNull(page.Find(".df-op-saved"));
        });
    }

    [Fact]
    public async Task AnotherPageSaving_ReloadsThisPage_WhenNothingHereIsUnsaved()
    {
        var watching = Open("Train");
        var editing = Open("Train");

        await AddInputAsync(editing, "extra", "int");
        editing.Find(".df-op-save").Click();

        watching.WaitForAssertion(() =>
        {
            Assert.NotNull(watching.Find(".df-op-input[data-name=extra]"));
            Assert.Contains("Reloaded", watching.Find(".df-op-notice").TextContent);
        }, Reading);
    }

    [Fact]
    public async Task AnotherPageSaving_KeepsUnsavedChangesHere_AndSaysSo()
    {
        var mine = Open("Train");
        var theirs = Open("Train");
        await AddInputAsync(mine, "mine", "int");

        await AddInputAsync(theirs, "theirs", "int");
        theirs.Find(".df-op-save").Click();

        mine.WaitForAssertion(() =>
        {
            Assert.Contains("unsaved changes here", mine.Find(".df-op-conflict").TextContent);
            Assert.NotNull(mine.Find(".df-op-input[data-name=mine]"));
            Assert.Empty(mine.FindAll(".df-op-input[data-name=theirs]"));
        }, Reading);
    }

    [Fact]
    public async Task OpeningANewOperation_CreatesItFromTheTemplate_InTheGivenCategory()
    {
        var page = OpenByAddress("Resize", "?new=true&category=Preprocessing");

        page.WaitForAssertion(() =>
        {
            Assert.NotNull(page.Find(".df-op-input[data-name=input]"));
            Assert.NotNull(page.Find(".df-op-output[data-name=result]"));
            Assert.Contains("Preprocessing", page.Find(".df-op-category").TextContent);
        }, Reading);
        var created = (await _seed.Engine.Projects.GetAsync(SeedCode.Project)).Sources.Single(s => s.Path == "operations/Resize.cs");
        Assert.Contains("[Operation(Category = \"Preprocessing\")]", created.Text);
        Assert.Contains("public sealed class Resize : Operation", created.Text);
    }

    [Fact]
    public async Task OpeningANewOperation_RefusesANameThatIsNoCSharpIdentifier()
    {
        var before = (await _seed.Engine.Projects.GetAsync(SeedCode.Project)).Sources.Count;

        var page = OpenByAddress("my-op", "?new=true");

        page.WaitForAssertion(() => Assert.Contains("'my-op' is not a valid C# name for the operation", page.Find(".df-op-problem").TextContent), Reading);
        Assert.Equal(before, (await _seed.Engine.Projects.GetAsync(SeedCode.Project)).Sources.Count);
    }

    [Fact]
    public void OpeningAPluginsOperation_ShowsItsInterfaceReadOnly_WithANote()
    {
        var page = Open("Shout");

        Assert.Contains("string", page.Find(".df-op-input[data-name=text]").TextContent);
        Assert.NotNull(page.Find(".df-op-output[data-name=loud]"));
        Assert.Contains("times", page.Find(".df-op-attribute[data-name=times]").TextContent);
        Assert.Contains("from the plugin test-plugin", page.Find(".df-op-plugin-note").TextContent);
        Assert.Empty(page.FindAll(".df-op-remove"));
        Assert.Empty(page.FindAll(".df-op-add"));
        Assert.Empty(page.FindAll(".df-op-save"));
        Assert.Empty(page.FindComponents<CodeEditor>());
    }

    [Fact]
    public void OpeningAnOperationTheProjectDoesNotHave_SaysSo()
    {
        var page = _context.Render<OperationEditorPage>(p => p.Add(x => x.Name, SeedCode.Project).Add(x => x.Operation, "Nowhere"));

        page.WaitForAssertion(() => Assert.Contains("has no operation 'Nowhere'", page.Find(".df-op-problem").TextContent), Reading);
    }

    private IRenderedComponent<OperationEditorPage> Open(string operation)
    {
        var page = _context.Render<OperationEditorPage>(p => p.Add(x => x.Name, SeedCode.Project).Add(x => x.Operation, operation));
        page.WaitForElement(".df-op-interface", Reading);
        return page;
    }

    /// <summary>Opens the page as the browser would at /projects/fm/operations/{operation}{query}.</summary>
    private IRenderedComponent<OperationEditorPage> OpenByAddress(string operation, string query)
    {
        _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>()
            .NavigateTo($"/projects/{SeedCode.Project}/operations/{operation}{query}");
        return _context.Render<OperationEditorPage>(p => p.Add(x => x.Name, SeedCode.Project).Add(x => x.Operation, operation));
    }

    private static async Task AddInputAsync(IRenderedComponent<OperationEditorPage> page, string name, string type)
    {
        await page.Find(".df-op-add-input").ClickAsync(new());
        await page.Find(".df-op-form-name").ChangeAsync(new() { Value = name });
        await page.Find(".df-op-form-type").ChangeAsync(new() { Value = type });
        await page.Find(".df-op-form-submit").ClickAsync(new());
        page.WaitForElement($".df-op-input[data-name={name}]", Reading);
    }

    /// <summary>What Monaco's script does as the user types: the editor now holds <paramref name="text"/> and reports a change.</summary>
    private async Task TypeAsync(IRenderedComponent<OperationEditorPage> page, string text)
    {
        _editors.Setup<int?>("snapshot", _ => true).SetResult(text.Length);
        for (var start = 0; start < text.Length; start += 4000)
        {
            var from = start;
            _editors.Setup<string>("piece", call => (int)call.Arguments[1]! == from).SetResult(text.Substring(from, Math.Min(4000, text.Length - from)));
        }
        var editor = page.FindComponent<CodeEditor>();
        await page.InvokeAsync(editor.Instance.ContentChanged);
    }

    /// <summary>The code the page last put into Monaco.</summary>
    private string ShownText() => (string)_module.Invocations["replaceText"].Last().Arguments[1]!;

    /// <summary>The markers the page last set in Monaco.</summary>
    private IReadOnlyList<CodeProblem> Markers() => (IReadOnlyList<CodeProblem>)_module.Invocations["setMarkers"].Last().Arguments[1]!;
}
