using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>
/// <c>deepforge export PROJECT PIPELINE -o DIR</c>: what it writes, and its refusals, each one line that writes nothing.
/// (The exported project is built against packed DeepForge and run in the Packaging tests.)
/// </summary>
public sealed class PipelineExportTests : IDisposable
{
    private const string Operations = """
        [Operation(Category = "Test")]
        public sealed class CountWords(int times = 1) : Operation
        {
            [return: Output("count")]
            public int Execute(DeepForge.Data.DataFile file) => File.ReadAllText(file.Path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * times;
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public PipelineExportTests()
    {
        _cli = new Cli(_temp["data"]);
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations("Ops.cs", Operations)
            .WithPipeline(new PipelineJson("measure").Input("data", "data-file").Operation("count", "CountWords", new { times = 2 }).Connect("data.data", "count.file"));
        CliAssert.Succeeded(_cli.Run("new", "w", "--seed", seed.Path));
    }

    [Fact]
    public void Export_WritesTheProjectAsASeedThatMakesTheSameProject()
    {
        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"]));

        CliAssert.Succeeded(_cli.Run("new", "copy", "--from", Path.Combine(_temp["out"], "seeds", "w")));
        CliAssert.Succeeded(_cli.Run("pull", "w", _temp["pulled-w"]));
        CliAssert.Succeeded(_cli.Run("pull", "copy", _temp["pulled-copy"]));
        foreach (var file in new[] { "pipelines/measure.json", "operations/Ops.cs" })
            Assert.Equal(File.ReadAllText(Path.Combine(_temp["pulled-w"], file)), File.ReadAllText(Path.Combine(_temp["pulled-copy"], file)));
    }

    [Fact]
    public void Export_WritesACsprojOnThePackagesOfTheVersionGiven_ThatLeavesTheProjectSourcesToTheEngine()
    {
        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"], "--version", "1.2.3-preview.4"));

        var csproj = File.ReadAllText(Path.Combine(_temp["out"], "w-measure.csproj"));
        Assert.Contains("""<PackageReference Include="DeepForge.Core" Version="1.2.3-preview.4" />""", csproj);
        Assert.Contains("""<PackageReference Include="DeepForge.Storage.Sqlite" Version="1.2.3-preview.4" />""", csproj);
        Assert.Contains("""<Compile Remove="seeds/**" />""", csproj);
    }

    [Fact]
    public void Export_OfAProjectWithoutTorchCode_LeavesDeepForgeTorchOut()
    {
        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"]));

        Assert.DoesNotContain("DeepForge.Torch", File.ReadAllText(Path.Combine(_temp["out"], "w-measure.csproj")));
        Assert.DoesNotContain("AddTorch", File.ReadAllText(Path.Combine(_temp["out"], "Program.cs")));
    }

    [Fact]
    public void Export_OfAProjectWithArchitectures_ReferencesDeepForgeTorchAndAddsItToTheEngine()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));

        CliAssert.Succeeded(_cli.Run("export", "fm", "train", "-o", _temp["out"]));

        Assert.Contains("""<PackageReference Include="DeepForge.Torch" """, File.ReadAllText(Path.Combine(_temp["out"], "fm-train.csproj")));
        Assert.Contains(".AddTorch()", File.ReadAllText(Path.Combine(_temp["out"], "Program.cs")));
    }

    [Fact]
    public void Export_ByDefault_ReferencesThePackagesOfTheCommandsOwnVersion()
    {
        var version = CliAssert.Succeeded(_cli.Run("--version")).Stdout.Trim().Split('+')[0];

        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"]));

        Assert.Contains($"""<PackageReference Include="DeepForge.Core" Version="{version}" />""", File.ReadAllText(Path.Combine(_temp["out"], "w-measure.csproj")));
    }

    [Fact]
    public void Export_WithAFeed_WritesANugetConfigThatAddsItsFullPath()
    {
        Directory.CreateDirectory(_temp["feed"]);

        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"], "--feed", _temp["feed"]));

        var config = File.ReadAllText(Path.Combine(_temp["out"], "nuget.config"));
        Assert.Contains($"value=\"{_temp["feed"]}\"", config);
        Assert.DoesNotContain("<clear", config);
    }

    [Fact]
    public void Export_WritesAReadmeThatNamesTheInputNodes()
    {
        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"]));

        var readme = File.ReadAllText(Path.Combine(_temp["out"], "README.md"));
        Assert.Contains("dotnet run -- data=path/to/file", readme);
    }

    [Fact]
    public void Export_OfAPipelineTheProjectLacks_NamesItsPipelinesAndWritesNothing()
    {
        var line = OneLineError.Assert(_cli.Run("export", "w", "nosuch", "-o", _temp["out"]), 2, "no pipeline 'nosuch'");

        Assert.Contains("pipelines: measure", line);
        AssertNothingWritten();
    }

    [Fact]
    public void Export_OfAProjectThatDoesNotExist_SaysSoAndWritesNothing()
    {
        OneLineError.Assert(_cli.Run("export", "nosuch", "measure", "-o", _temp["out"]), 2, "no project 'nosuch'");

        AssertNothingWritten();
    }

    [Fact]
    public void Export_IntoAFolderThatIsNotEmpty_IsRefusedAndLeavesItsFileAsItWas()
    {
        Directory.CreateDirectory(_temp["out"]);
        File.WriteAllText(Path.Combine(_temp["out"], "mine.txt"), "mine");

        OneLineError.Assert(_cli.Run("export", "w", "measure", "-o", _temp["out"]), 2, "the folder is not empty");

        Assert.Equal(["mine.txt"], Directory.EnumerateFileSystemEntries(_temp["out"]).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_temp["out"], "mine.txt")));
    }

    [Fact]
    public void Export_IntoAnEmptyFolder_WritesIntoIt()
    {
        Directory.CreateDirectory(_temp["out"]);

        CliAssert.Succeeded(_cli.Run("export", "w", "measure", "-o", _temp["out"]));

        Assert.True(File.Exists(Path.Combine(_temp["out"], "Program.cs")));
    }

    [Fact]
    public void Export_WithAVersionThatIsNoPackageVersion_IsRefusedAndWritesNothing()
    {
        OneLineError.Assert(_cli.Run("export", "w", "measure", "-o", _temp["out"], "--version", "1.x"), 2, "--version 1.x: not a package version");

        AssertNothingWritten();
    }

    [Fact]
    public void Export_WithAFeedThatIsNoFolder_IsRefusedAndWritesNothing()
    {
        OneLineError.Assert(_cli.Run("export", "w", "measure", "-o", _temp["out"], "--feed", _temp["nofeed"]), 2, "--feed");

        AssertNothingWritten();
    }

    // Nothing at the target and no half-written staging folder beside it.
    private void AssertNothingWritten()
    {
        Assert.False(Directory.Exists(_temp["out"]));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_temp.Path), e => Path.GetFileName(e).StartsWith(".deepforge-export", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
