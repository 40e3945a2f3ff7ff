using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Torch.Layers;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class SourceEditorSessionTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);

    public async Task InitializeAsync() => await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private SourceEditorSession Session(string name, SourceKind kind) => new(_engine.Edits, _engine.Engine, "fm", name, kind, "test-editor");

    [Fact]
    public async Task NewCustomLayer_ReadsConstructorParametersAndSettersFromTheTemplate()
    {
        var session = Session("Scaled", SourceKind.Layer);

        await session.LoadAsync(create: true);

        Assert.True(session.IsNew);
        Assert.Equal("layers/Scaled.cs", session.Path);
        Assert.Equal(["in_features", "out_features", "Scale"], session.Layer!.Layer!.Attributes.Select(a => a.Name));
    }

    [Fact]
    public async Task EditedCode_IsReadAgain_WithTheNewAttribute()
    {
        var session = Session("Scaled", SourceKind.Layer);
        await session.LoadAsync(create: true);

        await session.ReadAsync(session.Stored.Replace("long out_features)", "long out_features, bool gated = false)"));

        var gated = session.Layer!.Layer!.Attribute("gated")!;
        Assert.Equal((LayerAttributeKinds.Boolean, false), (gated.Kind, gated.Required));
    }

    [Fact]
    public async Task SavedLayer_IsStoredAndOffered()
    {
        var session = Session("Scaled", SourceKind.Layer);
        await session.LoadAsync(create: true);

        Assert.Null(await session.SaveAsync(session.Stored));

        var project = await _engine.Engine.Projects.GetAsync("fm");
        Assert.Contains(project.Sources, s => s.Path == "layers/Scaled.cs");
        Assert.Contains(ProjectSources.CustomLayers(project.Sources), c => c.Name == "Scaled");
    }

    [Fact]
    public async Task CodeThatDoesNotCompile_IsNotSaved_AndTheErrorIsNamed()
    {
        var session = Session("Scaled", SourceKind.Layer);
        await session.LoadAsync(create: true);

        var refused = await session.SaveAsync(session.Stored.Replace("return this;", "return that;"));

        Assert.Contains("layers/Scaled.cs", refused);
        Assert.Contains("'that'", refused);
        Assert.DoesNotContain((await _engine.Engine.Projects.GetAsync("fm")).Sources, s => s.Path == "layers/Scaled.cs");
    }

    [Fact]
    public async Task ClassThatCannotBeALayer_SaysWhy()
    {
        var session = Session("Scaled", SourceKind.Layer);
        await session.LoadAsync(create: true);

        await session.ReadAsync(session.Stored.Replace("long in_features, long out_features", "Stream in_features, long out_features")
            .Replace("nn.Linear(in_features, out_features)", "nn.Linear(1, out_features)"));

        Assert.Null(session.Layer!.Layer);
        Assert.Contains("'in_features'", session.Layer.Problem);
    }

    [Fact]
    public async Task NewDataType_ShowsItsBaseTypeAndItsSerializer()
    {
        var session = Session("Measurements", SourceKind.DataType);

        await session.LoadAsync(create: true);

        Assert.Equal("types/Measurements.cs", session.Path);
        Assert.Equal("none (object)", session.DataType!.BaseType);
        Assert.Contains("MeasurementsSerializer", session.DataType.Storage);
    }

    [Fact]
    public async Task DataTypeWithoutSerializer_IsStoredAsJson_AndASubclassNamesItsBase()
    {
        var session = Session("Labelled", SourceKind.DataType);
        await session.LoadAsync(create: true);

        await session.ReadAsync("public class Base { public int A { get; set; } }\npublic sealed class Labelled : Base { public string L { get; set; } = \"\"; }\n");

        Assert.Equal("Base", session.DataType!.BaseType);
        Assert.Contains("JSON", session.DataType.Storage);
    }

    [Fact]
    public async Task MissingClass_WithoutNew_IsAClearProblem()
    {
        var session = Session("Nowhere", SourceKind.Layer);

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => session.LoadAsync(create: false));

        Assert.Contains("no custom layer 'Nowhere'", error.Message);
    }
}
