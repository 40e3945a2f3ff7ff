using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>
/// A failure in the project's own code, as <c>deepforge run</c> prints it: once, naming the line of the user's file
/// first, with DeepForge's frames behind <c>--verbose</c> and never a source path of DeepForge's build.
/// </summary>
public sealed class OwnCodeFailureTests : IDisposable
{
    // Line 14 is the indexing that fails; line 11 calls it.
    internal const string Ticker = """
        [Operation(Category = "Test")]
        public sealed class Ticker(int count = 3) : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context)
            {
                var values = new int[count];
                for (var i = 0; i < count; i++) values[i] = i;
                context.Log.WriteLine("ticking");
                // one past the end
                return Tick(values, count);
            }

            private static int Tick(int[] values, int at) => values[at];
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public OwnCodeFailureTests()
    {
        _cli = new Cli(_temp["data"]);
        var seed = new SeedFolder(_temp["seed"]).WithOperations("Ticker.cs", Ticker).WithPipeline(new PipelineJson("tick").Operation("tick", "Ticker"));
        CliAssert.Succeeded(_cli.Run("new", "t", "--seed", seed.Path));
    }

    [Fact]
    public void Run_OfAFailingOperation_NamesTheUsersLineOnce_BeforeTheLineThatCalledIt()
    {
        var result = _cli.Run("run", "t", "tick");
        var output = result.Stdout + result.Stderr;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(Regex.Count(output, Regex.Escape("operations/Ticker.cs:14")) == 1, result.ToString());
        Assert.True(output.IndexOf("Ticker.cs:14", StringComparison.Ordinal) < output.IndexOf("Ticker.cs:11", StringComparison.Ordinal), result.ToString());
        Assert.True(Regex.Count(output, "IndexOutOfRangeException") == 1, result.ToString());
    }

    [Fact]
    public void Run_OfAFailingOperation_HidesDeepForgeFrames_WithoutVerbose()
    {
        var result = _cli.Run("run", "t", "tick");

        Assert.DoesNotContain("DeepForge.Runtime.", result.Stdout + result.Stderr);
        Assert.Contains("--verbose shows them", result.Stdout);
    }

    [Fact]
    public void Run_WithVerbose_ShowsDeepForgeFrames_WithoutTheirSourcePaths()
    {
        var result = _cli.Run("run", "t", "tick", "--verbose");
        var output = result.Stdout + result.Stderr;

        Assert.Contains("at DeepForge.Runtime.OperationInvoker", output);
        Assert.DoesNotContain(":line ", output);
        Assert.DoesNotContain("OperationInvoker.cs", output);
    }

    [Fact]
    public void Resume_WithVerbose_ShowsDeepForgeFrames_OfTheFailureAgain()
    {
        Assert.Equal(1, _cli.Run("run", "t", "tick").ExitCode);
        var failed = Assert.Single(ExecutionList.Read(_cli, "t")).Id;

        var result = _cli.Run("resume", failed, "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("operations/Ticker.cs:14", result.Stdout + result.Stderr);
        Assert.Contains("at DeepForge.Runtime.OperationInvoker", result.Stdout + result.Stderr);
    }

    public void Dispose() => _temp.Dispose();
}
