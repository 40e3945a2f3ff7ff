using DeepForge.Catalog;
using DeepForge.Compilation.Reading;
using DeepForge.Models;
using static DeepForge.Core.Tests.SourceReading.SourceSamples;

namespace DeepForge.Core.Tests.SourceReading;

public sealed class SourceOperationReaderTests
{
    [Theory]
    [InlineData("Fit")]
    [InlineData("Split")]
    [InlineData("SplitDeclared")]
    [InlineData("Load")]
    [InlineData("Pick")]
    [InlineData("Wait")]
    public void Read_GivesReflectionsDescriptor_ForTheSameCodeCompiled(string name)
    {
        List<SourceFile> sources = [File("ops/Train.cs", Train), File("ops/Shapes.cs", Shapes)];

        var fromSource = SourceOperationReader.Read(sources).Operations.Single(o => o.Descriptor.Name == name).Descriptor;
        var reflected = Reflect(sources)[name];

        Assert.Equal(Json(reflected), Json(fromSource));
    }

    [Fact]
    public void Read_GivesReflectionsDescriptor_ForDeclaredRanges()
    {
        List<SourceFile> sources = [File("ops/Ranged.cs", Ranged)];

        var fromSource = SourceOperationReader.Read(sources).Operations.Single().Descriptor;

        Assert.Equal(Json(Reflect(sources)["Ranged"]), Json(fromSource));
    }

    [Fact]
    public void Read_GivesTheDeclaredRanges_FromSource()
    {
        var read = SourceOperationReader.Read([File("ops/Ranged.cs", Ranged)]);

        AssertRanges(Assert.Single(read.Operations).Descriptor);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void ReadByReflection_GivesTheDeclaredRanges()
    {
        AssertRanges(Reflect([File("ops/Ranged.cs", Ranged)])["Ranged"]);
    }

    private static void AssertRanges(OperationDescriptor ranged)
    {
        var range = ranged.Attributes.ToDictionary(a => a.Name, a => a.Range);
        Assert.Equal(new AttributeRange(1, 10000), range["epochs"]);
        Assert.Equal(new AttributeRange(0, double.MaxValue, MinimumIsExclusive: true), range["learningRate"]);
        Assert.Equal("greater than 0", range["learningRate"]!.ToString());
        Assert.Equal(new AttributeRange(0.5, 2, MaximumIsExclusive: true), range["scale"]);
        Assert.Null(range["name"]); // a range on a string says nothing DeepForge checks
        Assert.Null(range["plain"]);
    }

    [Fact]
    public void Read_GivesReflectionsDescriptors_ForEveryTestOperation()
    {
        List<SourceFile> sources = [TestOperations.File];

        var fromSource = SourceOperationReader.Read(sources).Operations.ToDictionary(o => o.Descriptor.Name, o => Json(o.Descriptor));
        var reflected = Reflect(sources).ToDictionary(p => p.Key, p => Json(p.Value));

        Assert.Equal(reflected.Keys.Order(), fromSource.Keys.Order());
        foreach (var (name, json) in reflected) Assert.Equal(json, fromSource[name]);
    }

    [Fact]
    public void Read_NamesTypesAsReflectionDoes()
    {
        var train = SourceOperationReader.Read([File("ops/Train.cs", Train)]).Operations.Single().Descriptor;

        Assert.Equal(("values", DataTypeNames.Display(typeof(List<int>))), (train.Inputs[0].Name, train.Inputs[0].DisplayType));
        Assert.StartsWith("System.Collections.Generic.List`1[[System.Int32, System.Private.CoreLib, Version=", train.Inputs[0].DataType);
        Assert.Contains(",[Samples.Point[], DeepForge.Project.", train.Inputs[1].DataType);
        Assert.Equal(("Samples.Outer+Inner", "Inner"), (train.Inputs[2].DataType, train.Inputs[2].DisplayType));
        Assert.Equal(("System.String[]", DataTypeNames.Display(typeof(string[]))), (train.Outputs[0].DataType, train.Outputs[0].DisplayType));
        Assert.True(train.Inputs[^1].Optional);
        var mode = train.Attributes.Single(a => a.Name == "mode");
        Assert.Equal(["Fast", "Slow", "Off"], mode.Values); // by value compared unsigned, as Enum.GetNames orders them
        Assert.Equal(("enum", "\"Fast\""), (mode.Kind, mode.Default!.Value.GetRawText()));
    }

    [Fact]
    public void Read_GivesBothOutputs_WhenExecuteReturnsANamedTuple()
    {
        var split = SourceOperationReader.Read([File("ops/Shapes.cs", Shapes)]).Operations.Single(o => o.Descriptor.Name == "Split");

        Assert.Equal([Port("even", typeof(int[])), Port("odd", typeof(int[]))], split.Descriptor.Outputs);
        var even = PositionOf(Shapes, "even");
        Assert.Contains(new SourceMember("output", "even", "ops/Shapes.cs", even.Line, even.Column), split.Members);
    }

    [Fact]
    public void Read_UnwrapsTheResult_WhenExecuteIsAsync()
    {
        var operations = SourceOperationReader.Read([File("ops/Shapes.cs", Shapes)]).Operations.ToDictionary(o => o.Descriptor.Name, o => o.Descriptor);

        var load = Assert.Single(operations["Load"].Outputs);
        Assert.Equal(Port("result", typeof(List<int[]>)), load);
        Assert.Equal([Port("path", typeof(string))], operations["Load"].Inputs);
        Assert.Equal(["left", "right"], operations["SplitDeclared"].Outputs.Select(o => o.Name));
        Assert.All(operations["SplitDeclared"].Outputs, o => Assert.Equal("System.Double", o.DataType));
        Assert.Empty(operations["Wait"].Outputs);
        Assert.Empty(operations["Wait"].Inputs);
    }

    [Fact]
    public void Read_ReportsUnusedInput_WhenExecuteNeverReadsIt()
    {
        const string source = """
            namespace Samples;

            public sealed class Train(int epochs = 1) : Operation
            {
                [return: Output("model")]
                public string Execute(string trainingData, string testingData, string checkedData)
                {
                    Func<string, string> check = testingData => testingData.Trim();
                    return trainingData + epochs + nameof(Execute) + check(checkedData);
                }
            }
            """;

        var result = SourceOperationReader.Read([File("operations/Train.cs", source)]);

        var (line, column) = PositionOf(source, "testingData");
        var expected = $"operations/Train.cs({line},{column}): warning DF0001: input 'testingData' is never used";
        var train = Assert.Single(result.Operations);
        Assert.Equal(expected, Assert.Single(result.Problems, p => p.Message.Contains("DF0001")).Message);
        Assert.Equal($"operations/Train.cs({line},{column})", Assert.Single(train.Problems, p => p.Message.Contains("DF0001")).Location);
        Assert.Contains(new SourceMember("input", "testingData", "operations/Train.cs", line, column), train.Members);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Read_DescribesTheOperation_WhenAnotherFileHasErrors()
    {
        const string broken = """
            public class Broken
            {
                public int Value => "text";
                void Method( {
            }
            """;
        List<SourceFile> sources = [File("ops/Train.cs", Train), File("ops/Broken.cs", broken)];

        var result = SourceOperationReader.Read(sources);

        var train = Assert.Single(result.Operations);
        // Generic type names carry the project assembly's name, which follows the sources; the rest is as compiled alone.
        Assert.Equal(WithoutProjectAssembly(Json(Reflect([File("ops/Train.cs", Train)])["Fit"])), WithoutProjectAssembly(Json(train.Descriptor)));
        var (line, column) = PositionOf(broken, "\"text\"");
        Assert.Contains(result.Problems, p => p.Location == $"ops/Broken.cs({line},{column})" && p.Message.StartsWith($"ops/Broken.cs({line},{column}): error CS0029: ", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Location.StartsWith("ops/Broken.cs(4,", StringComparison.Ordinal) && p.Message.Contains(": error CS"));
        Assert.DoesNotContain(train.Problems, p => p.Message.Contains(": error "));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Read_DescribesTheOperation_WhenItsOwnBodyHasAnError()
    {
        const string source = """
            public sealed class Count : Operation
            {
                [return: Output("count")]
                public int Execute(int[] values) => values.Length + missing;
            }
            """;

        var result = SourceOperationReader.Read([File("ops/Count.cs", source)]);

        var count = Assert.Single(result.Operations);
        Assert.Equal([Port("values", typeof(int[]))], count.Descriptor.Inputs);
        Assert.Equal([Port("count", typeof(int))], count.Descriptor.Outputs);
        var (line, column) = PositionOf(source, "missing");
        Assert.Equal($"ops/Count.cs({line},{column})", Assert.Single(count.Problems).Location);
        Assert.Contains("error CS0103", count.Problems[0].Message);
        Assert.Equal(("ops/Count.cs", 1, 21), (count.Path, count.Line, count.Column));
    }

    [Fact]
    public void Read_GivesTheLocationOfEachPart()
    {
        var train = SourceOperationReader.Read([File("ops/Train.cs", Train)]).Operations.Single();

        Assert.Equal(("ops/Train.cs", PositionOf(Train, "Train(").Line, PositionOf(Train, "Train(").Column), (train.Path, train.Line, train.Column));
        Assert.Equal(["net"], train.Members.Where(m => m.Kind == "reference").Select(m => m.Name));
        Assert.Equal(train.Descriptor.Attributes.Select(a => a.Name), train.Members.Where(m => m.Kind == "attribute").Select(m => m.Name));
        Assert.Equal(train.Descriptor.Inputs.Select(i => i.Name), train.Members.Where(m => m.Kind == "input").Select(m => m.Name));
        var epochs = PositionOf(Train, "epochs");
        Assert.Contains(new SourceMember("attribute", "epochs", "ops/Train.cs", epochs.Line, epochs.Column), train.Members);
        var output = PositionOf(Train, "\"net\"");
        Assert.Contains(new SourceMember("output", "net", "ops/Train.cs", output.Line, output.Column), train.Members);
    }

    [Fact]
    public void Read_ReportsWhatReflectionWouldRefuse_AndStillDescribesTheRest()
    {
        const string source = """
            public sealed class Draft(int count, Uri where) : Operation
            {
                public (int, int) Execute(int[] values) => (count, values.Length);
            }

            public sealed class Empty(string name = "") : Operation
            {
            }
            """;

        var result = SourceOperationReader.Read([File("ops/Draft.cs", source)]);

        var draft = result.Operations.Single(o => o.Descriptor.Name == "Draft");
        Assert.Equal(["count"], draft.Descriptor.Attributes.Select(a => a.Name));
        Assert.Equal(["Item1", "Item2"], draft.Descriptor.Outputs.Select(o => o.Name));
        Assert.Contains(draft.Problems, p => p.Message.Contains("error DF0002: operation 'Draft' constructor parameter 'where' has type Uri"));
        Assert.Contains(draft.Problems, p => p.Message.Contains("error DF0002: operation 'Draft' returns a tuple whose elements are not all named"));
        var empty = result.Operations.Single(o => o.Descriptor.Name == "Empty");
        Assert.Equal(["name"], empty.Descriptor.Attributes.Select(a => a.Name));
        Assert.Contains(empty.Problems, p => p.Message.EndsWith("error DF0002: operation 'Empty' has no public Execute or ExecuteAsync method", StringComparison.Ordinal));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public async Task ReadOperationsAsync_ReadsTheProject_WithTheEditedFileInsteadOfTheStoredOne()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(TestProjects.Create());
        const string edited = "public sealed class Extra : Operation { public int Execute(int[] values, int unused) => values.Length; }";

        var stored = await df.Engine.Projects.ReadOperationsAsync("test");
        var result = await df.Engine.Projects.ReadOperationsAsync("test", new SourceFile("ops/Extra.cs", edited));
        var replaced = await df.Engine.Projects.ReadOperationsAsync("test", new SourceFile(TestOperations.File.Path, edited));

        Assert.Contains(stored.Operations, o => o.Descriptor.Name == "Numbers");
        Assert.DoesNotContain(stored.Operations, o => o.Descriptor.Name == "Extra");
        Assert.Contains(result.Operations, o => o.Descriptor.Name == "Numbers");
        Assert.Contains(result.Problems, p => p.Message.EndsWith("warning DF0001: input 'unused' is never used", StringComparison.Ordinal));
        Assert.Equal(["Extra"], replaced.Operations.Select(o => o.Descriptor.Name));
        await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.ReadOperationsAsync("missing"));
    }

    private static string WithoutProjectAssembly(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, @"DeepForge\.Project\.[0-9a-f]{16}", "DeepForge.Project");
}
