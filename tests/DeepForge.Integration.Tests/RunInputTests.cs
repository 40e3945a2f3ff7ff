using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>
/// <c>deepforge run --input node=path</c> checks everything before it uploads anything, and an operation that ends the
/// process leaves a failed execution that says so.
/// </summary>
public sealed class RunInputTests : IDisposable
{
    private const string Operations = """
        [Operation(Category = "Test")]
        public sealed class FileSize : Operation
        {
            [return: Output("size")]
            public long Execute(DeepForge.Data.DataFile file) => new FileInfo(file.Path).Length;
        }

        [Operation(Category = "Test")]
        public sealed class Quit(int code = 3) : Operation
        {
            [return: Output("value")]
            public int Execute()
            {
                Environment.Exit(code);
                return 0;
            }
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public RunInputTests()
    {
        _cli = new Cli(_temp["data"]);
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations("Ops.cs", Operations)
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("measure").Input("data", "data-file").Operation("size", "FileSize").Connect("data.data", "size.file"))
            .WithPipeline(new PipelineJson("broken").Input("data", "data-file").Operation("size", "FileSize").Connect("data.data", "size.file").Operation("take", "TakeNumber"))
            .WithPipeline(new PipelineJson("quit").Operation("quit", "Quit"))
            .WithPipeline(new PipelineJson("quit-zero").Operation("quit", "Quit", new { code = 0 }));
        CliAssert.Succeeded(_cli.Run("new", "r", "--seed", seed.Path));
        File.WriteAllText(_temp["input.txt"], "twelve bytes");
    }

    [Fact]
    public void Run_WithAFileForAnInputNode_UploadsItAndRuns()
    {
        CliAssert.Succeeded(_cli.Run("run", "r", "measure", "--input", $"data={_temp["input.txt"]}"));

        Assert.Contains("input.txt", Artifacts());
    }

    [Fact]
    public void Run_WithAFileThatDoesNotExist_SaysSoAndUploadsNothing()
    {
        var before = Artifacts();

        OneLineError.Assert(_cli.Run("run", "r", "measure", "--input", $"data={_temp["missing.txt"]}"), 2, "there is no file or folder " + _temp["missing.txt"]);

        Assert.Equal(before, Artifacts());
    }

    [Fact]
    public void Run_WithAnInputForANodeThePipelineLacks_NamesTheInputNodesAndUploadsNothing()
    {
        var before = Artifacts();

        var line = OneLineError.Assert(_cli.Run("run", "r", "measure", "--input", $"nosuch={_temp["input.txt"]}"), 2, "--input nosuch");

        Assert.Contains("Input nodes: data", line);
        Assert.Equal(before, Artifacts());
    }

    [Fact]
    public void Run_WithAnInputForAnOperationNode_IsRefusedAndUploadsNothing()
    {
        var before = Artifacts();

        OneLineError.Assert(_cli.Run("run", "r", "measure", "--input", $"size={_temp["input.txt"]}"), 2, "no Input node 'size'");

        Assert.Equal(before, Artifacts());
    }

    [Fact]
    public void Run_ThatWouldBeRefused_UploadsNothing()
    {
        var before = Artifacts();

        var result = _cli.Run("run", "r", "broken", "--input", $"data={_temp["input.txt"]}");

        CliAssert.BadInput(result, "take.number");
        Assert.Equal(before, Artifacts());
        Assert.Equal("", CliAssert.Succeeded(_cli.Run("executions", "r", "--json")).Stdout.Trim());
    }

    [Fact]
    public void Run_WhoseOperationCallsEnvironmentExit_LeavesAFailedExecutionNamingTheCodeAndOperation()
    {
        var result = _cli.Run("run", "r", "quit");

        Assert.Equal(3, result.ExitCode);
        var executions = CliAssert.Succeeded(_cli.Run("executions", "r", "--json")).Stdout;
        Assert.Contains("\"failed\"", executions, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("exited with code 3 in operation", executions);
        Assert.Contains("Quit", executions);
        var table = CliAssert.Succeeded(_cli.Run("executions", "r")).Stdout;
        Assert.Contains("failed", table);
        Assert.DoesNotContain("interrupted", table);
    }

    [Fact]
    public void Run_WhoseOperationCallsEnvironmentExitWithZero_LeavesAFailedExecutionNamingTheCode()
    {
        _cli.Run("run", "r", "quit-zero");

        var executions = CliAssert.Succeeded(_cli.Run("executions", "r", "--json")).Stdout;
        Assert.Contains("exited with code 0 in operation", executions);
        Assert.DoesNotContain("interrupted", CliAssert.Succeeded(_cli.Run("executions", "r")).Stdout);
    }

    public void Dispose() => _temp.Dispose();

    private string Artifacts() => CliAssert.Succeeded(_cli.Run("artifacts", "r", "--json")).Stdout;
}
