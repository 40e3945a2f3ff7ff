using DeepForge.Catalog;
using DeepForge.Designer.OperationEditor;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The rewriter on the fashion-mnist seed's real operations: each edit gives code that still reads and compiles.</summary>
public sealed class OperationRewriterTests : IAsyncLifetime
{
    private SeedCode _seed = null!;

    public async Task InitializeAsync() => _seed = await SeedCode.CreateAsync();

    public async Task DisposeAsync() => await _seed.DisposeAsync();

    [Fact]
    public async Task AddingInput_InsertsParameterBeforeTheContext_AndTheCodeStillCompiles()
    {
        var source = await _seed.SourceAsync("Train");

        var code = OperationRewriter.AddInput(source.Text, "Train", "validationData", "ImageDataset");

        Assert.Contains("public Model Execute(ImageDataset trainingData, ImageDataset validationData, OperationContext context)", code);
        var train = await ReadWithoutErrorsAsync(source.Path, code, "Train");
        Assert.Equal(["trainingData", "validationData"], train.Descriptor.Inputs.Select(i => i.Name));
        // Execute does not read it yet, and the reader says so.
        Assert.Contains(train.Problems, p => p.Message.Contains("DF0001") && p.Message.Contains("'validationData'"));
    }

    [Fact]
    public async Task AddingInput_ToExecuteWithOnlyTheContext_MakesItTheFirstParameter()
    {
        var source = await _seed.SourceAsync("LoadFashionMnist");

        var code = OperationRewriter.AddInput(source.Text, "LoadFashionMnist", "limit", "int");

        Assert.Contains("Execute(int limit, OperationContext context)", code);
        var load = await ReadWithoutErrorsAsync(source.Path, code, "LoadFashionMnist");
        Assert.Equal("limit", Assert.Single(load.Descriptor.Inputs).Name);
    }

    [Fact]
    public async Task RemovingAnAddedInput_GivesBackTheCodeExactly()
    {
        var source = await _seed.SourceAsync("NormalizeData");
        var added = OperationRewriter.AddInput(source.Text, "NormalizeData", "extra", "string[]");

        Assert.Equal(source.Text, OperationRewriter.RemoveInput(added, "NormalizeData", "extra"));
    }

    [Fact]
    public async Task RemovingInput_TakesTheParameterAndItsSeparatorOut()
    {
        var source = await _seed.SourceAsync("Test");

        var code = OperationRewriter.RemoveInput(source.Text, "Test", "classes");

        Assert.Contains("public double[] Execute(Model net, ImageDataset testingData, OperationContext context)", code);
        // Execute still reads it: the compiler names the use, and nothing else changed.
        var read = await _seed.ReadAsync(source.Path, code);
        Assert.Contains(read.Problems, p => p.Message.Contains("CS0103") && p.Message.Contains("'classes'"));
        Assert.Equal(source.Text.Replace("Execute(string[] classes, Model net", "Execute(Model net"), code);
    }

    [Fact]
    public async Task AddingOutput_ToASingleOutput_MakesANamedTuple_AndReturnsDefaultForTheNewOne()
    {
        var source = await _seed.SourceAsync("Train");

        var code = OperationRewriter.AddOutput(source.Text, "Train", "history", "double[]");

        Assert.Contains("public (Model net, double[] history) Execute(", code);
        Assert.Contains("return (model, default!);", code);
        Assert.DoesNotContain("[return: Output", code);
        var train = await ReadWithoutErrorsAsync(source.Path, code, "Train");
        Assert.Equal(["net", "history"], train.Descriptor.Outputs.Select(o => o.Name));
    }

    [Fact]
    public async Task RemovingAnAddedOutput_GivesBackTheCodeExactly()
    {
        var source = await _seed.SourceAsync("Train");
        var added = OperationRewriter.AddOutput(source.Text, "Train", "history", "double[]");

        Assert.Equal(source.Text, OperationRewriter.RemoveOutput(added, "Train", "history"));
    }

    [Fact]
    public async Task RemovingOutput_FromATwoElementTuple_LeavesOneOutputNamedByTheAttribute()
    {
        var source = await _seed.SourceAsync("NormalizeData");

        var code = OperationRewriter.RemoveOutput(source.Text, "NormalizeData", "testingData");

        Assert.Contains("    [return: Output(\"trainingData\")]\n    public ImageDataset Execute(", code.ReplaceLineEndings("\n"));
        Assert.Contains("return new ImageDataset(train, trainingData.Labels.clone(), trainingData.Classes);", code);
        var normalize = await ReadWithoutErrorsAsync(source.Path, code, "NormalizeData");
        var output = Assert.Single(normalize.Descriptor.Outputs);
        Assert.Equal(("trainingData", "ImageDataset"), (output.Name, output.DisplayType));
    }

    [Fact]
    public async Task RemovingTheOnlyOutput_MakesExecuteVoid()
    {
        var source = await _seed.SourceAsync("Test");

        var code = OperationRewriter.RemoveOutput(source.Text, "Test", "classScores");

        Assert.Contains("public void Execute(string[] classes", code);
        Assert.DoesNotContain("Output(", code);
        Assert.Contains("        return;", code);
        var test = await ReadWithoutErrorsAsync(source.Path, code, "Test");
        Assert.Empty(test.Descriptor.Outputs);
    }

    [Fact]
    public async Task AddingAttribute_WithADefault_AppendsItToThePrimaryConstructor()
    {
        var source = await _seed.SourceAsync("Train");

        var code = OperationRewriter.AddAttribute(source.Text, "Train", "patience", "int", "3");

        Assert.Contains("bool augment = true, int seed = 1, int patience = 3) : Operation", code);
        var train = await ReadWithoutErrorsAsync(source.Path, code, "Train");
        var patience = train.Descriptor.Attributes.Single(a => a.Name == "patience");
        Assert.Equal(("integer", "3"), (patience.Kind, patience.Default?.GetRawText()));
    }

    [Fact]
    public async Task AddingAttribute_OfAnEnumType_WritesABareMemberAsTheCodeWould()
    {
        var source = await _seed.SourceAsync("Train");

        var code = OperationRewriter.AddAttribute(source.Text, "Train", "fallback", "Optimizer", "Sgd");

        Assert.Contains("Optimizer fallback = Optimizer.Sgd)", code);
        var train = await ReadWithoutErrorsAsync(source.Path, code, "Train");
        Assert.Equal("\"Sgd\"", train.Descriptor.Attributes.Single(a => a.Name == "fallback").Default?.GetRawText());
    }

    [Fact]
    public async Task AddingAttribute_ToAClassWithoutConstructor_GivesItAPrimaryConstructor()
    {
        var source = await _seed.SourceAsync("NormalizeData");

        var code = OperationRewriter.AddAttribute(source.Text, "NormalizeData", "epsilon", "double", "0.00001");

        Assert.Contains("public sealed class NormalizeData(double epsilon = 1E-05) : Operation", code);
        var normalize = await ReadWithoutErrorsAsync(source.Path, code, "NormalizeData");
        Assert.Equal("number", Assert.Single(normalize.Descriptor.Attributes).Kind);
    }

    [Fact]
    public async Task RemovingAnAddedAttribute_GivesBackTheCodeExactly()
    {
        var source = await _seed.SourceAsync("LoadFashionMnist");
        var added = OperationRewriter.AddAttribute(source.Text, "LoadFashionMnist", "label", "string", "fashion \"mnist\"");
        Assert.Contains("string label = \"fashion \\\"mnist\\\"\")", added);

        Assert.Equal(source.Text, OperationRewriter.RemoveAttribute(added, "LoadFashionMnist", "label"));
    }

    [Fact]
    public async Task AddingReference_GoesBeforeTheAttributesWithDefaults()
    {
        var source = await _seed.SourceAsync("Test");

        var code = OperationRewriter.AddReference(source.Text, "Test", "baseline");

        Assert.Contains("public sealed class Test(Architecture baseline, [Range(1, int.MaxValue)] int batchSize = 500) : Operation", code);
        var test = await ReadWithoutErrorsAsync(source.Path, code, "Test");
        Assert.Equal(("baseline", "architecture"), (Assert.Single(test.Descriptor.References).Name, test.Descriptor.References[0].Kind));
    }

    [Fact]
    public async Task RemovingReference_TakesTheFirstConstructorParameterOut_AndTheNextKeepsItsPlace()
    {
        var source = await _seed.SourceAsync("Train");

        var code = OperationRewriter.RemoveReference(source.Text, "Train", "net");

        Assert.Contains("public sealed class Train([Range(0, double.MaxValue, MinimumIsExclusive = true)] double learningRate = 0.003,", code);
        var read = await _seed.ReadAsync(source.Path, code);
        Assert.Contains(read.Problems, p => p.Message.Contains("CS0103") && p.Message.Contains("'net'"));
    }

    [Fact]
    public async Task AddingAttribute_ToAnExplicitConstructor_AndAnOutputToAnAsyncExecute_KeepsTheCodeCompiling()
    {
        const string path = "operations/Fetch.cs";
        const string code = """
            [Operation(Category = "Data")]
            public sealed class Fetch : Operation
            {
                private readonly int _retries;

                public Fetch(int retries = 2) => _retries = retries;

                public async Task Execute(string address, CancellationToken cancellationToken)
                {
                    await Task.Delay(_retries, cancellationToken);
                    Console.WriteLine(address);
                }
            }

            """;

        var edited = OperationRewriter.AddOutput(OperationRewriter.AddAttribute(code, "Fetch", "timeout", "double", "1.5"), "Fetch", "body", "string");

        Assert.Contains("public Fetch(int retries = 2, double timeout = 1.5) => _retries = retries;", edited);
        Assert.Contains("    [return: Output(\"body\")]\n    public async Task<string> Execute(string address, CancellationToken cancellationToken)", edited.ReplaceLineEndings("\n"));
        Assert.Contains("        Console.WriteLine(address);\n        return default!;\n    }", edited.ReplaceLineEndings("\n"));
        var fetch = await ReadWithoutErrorsAsync(path, edited, "Fetch");
        Assert.Equal(("body", "timeout"), (Assert.Single(fetch.Descriptor.Outputs).Name, fetch.Descriptor.Attributes[1].Name));
    }

    [Theory]
    [InlineData("2fast", "int", "'2fast' is not a valid C# name")]
    [InlineData("class", "int", "'class' is not a valid C# name")]
    [InlineData("", "int", "give the input a name")]
    [InlineData("trainingData", "int", "the name 'trainingData' is taken")]
    [InlineData("epochs", "int", "the name 'epochs' is taken")]
    [InlineData("images", "Image Dataset", "'Image Dataset' is not a C# type")]
    [InlineData("images", " ", "give the input a type")]
    public async Task AddingInput_RefusesBadNamesAndTypes_SayingWhy(string name, string type, string expected)
    {
        var source = await _seed.SourceAsync("Train");

        var refused = Assert.Throws<DeepForgeException>(() => OperationRewriter.AddInput(source.Text, "Train", name, type));

        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public async Task AddingAttribute_RefusesADefaultOfTheWrongType()
    {
        var source = await _seed.SourceAsync("Train");

        var refused = Assert.Throws<DeepForgeException>(() => OperationRewriter.AddAttribute(source.Text, "Train", "patience", "int", "three"));

        Assert.Contains("'three' is not a default value of type int for the attribute 'patience'", refused.Message);
    }

    [Fact]
    public async Task AddingOutput_RefusesANameAnOutputHas()
    {
        var source = await _seed.SourceAsync("Train");

        var refused = Assert.Throws<DeepForgeException>(() => OperationRewriter.AddOutput(source.Text, "Train", "net", "Model"));

        Assert.Contains("already has an output named 'net'", refused.Message);
    }

    [Fact]
    public void Editing_RefusesCodeWithoutTheClass()
    {
        var refused = Assert.Throws<DeepForgeException>(() => OperationRewriter.AddInput("public sealed class Other : Operation { }", "Train", "x", "int"));

        Assert.Contains("no class 'Train'", refused.Message);
    }

    [Fact]
    public async Task NewOperationTemplate_ReadsAsOneInputAndOneOutput_WithoutProblems()
    {
        var path = OperationTemplate.PathOf("Resize");

        var read = await _seed.ReadAsync(path, OperationTemplate.Source("Resize", "Pre \"processing\""));

        Assert.DoesNotContain(read.Problems, p => p.Message.StartsWith(path, StringComparison.Ordinal));
        var resize = read.Operations.Single(o => o.Descriptor.Name == "Resize").Descriptor;
        Assert.Equal(("Pre \"processing\"", "input", "result"), (resize.Category, Assert.Single(resize.Inputs).Name, Assert.Single(resize.Outputs).Name));
    }

    /// <summary>The operation read from the edited code, after checking the project has no compile errors with it.</summary>
    private async Task<SourceOperation> ReadWithoutErrorsAsync(string path, string code, string operation)
    {
        var read = await _seed.ReadAsync(path, code);
        Assert.False(read.HasErrors, string.Join("\n", read.Problems) + "\n" + code);
        return read.Operations.Single(o => o.Descriptor.Name == operation);
    }
}
