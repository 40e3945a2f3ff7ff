using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests;

/// <summary>
/// A pipeline that cannot run is refused before anything runs: exit code 2, an error on stderr
/// that names the place, and no execution stored.
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;
    private readonly ITestOutputHelper _output;

    public ValidationTests(ITestOutputHelper output) => (_cli, _output) = (new Cli(_temp["data"]), output);

    [Fact]
    public void Run_OfAPipelineWithACycle_IsRefusedNamingTheCycle()
    {
        var result = RunRefused(new PipelineJson("p")
            .Operation("first", "Step", new { counter = _temp["c"], name = "first" })
            .Operation("second", "Step", new { counter = _temp["c"], name = "second" })
            .Connect("first.value", "second.value")
            .Connect("second.value", "first.value"));

        CliAssert.BadInput(result, "cycle");
        Assert.Matches(@"error: .*(first -> second -> first|second -> first -> second)", result.Stderr);
    }

    [Fact]
    public void Run_OfAPipelineConnectingAStringOutputToAnIntInput_IsRefusedNamingBothPorts()
    {
        var result = RunRefused(new PipelineJson("p")
            .Operation("give", "GiveText")
            .Operation("take", "TakeNumber")
            .Connect("give.text", "take.number"));

        CliAssert.BadInput(result, "give.text");
        CliAssert.BadInput(result, "take.number");
    }

    [Fact]
    public void Run_OfAPipelineNamingAnUnknownOperation_IsRefusedNamingTheNodeAndOperation()
    {
        var result = RunRefused(new PipelineJson("p").Operation("mystery", "NoSuchOperation"));

        CliAssert.BadInput(result, "node 'mystery'");
        CliAssert.BadInput(result, "NoSuchOperation");
    }

    [Fact]
    public void Run_OfAPipelineWithARequiredInputLeftUnconnected_IsRefusedNamingThePort()
    {
        var result = RunRefused(new PipelineJson("p").Operation("take", "TakeNumber"));

        CliAssert.BadInput(result, "take.number");
    }

    [Fact]
    public void Run_OfAProjectWhoseOperationDoesNotCompile_IsRefusedNamingFileLineAndColumn()
    {
        var broken = """
            public sealed class Broken : Operation
            {
                [return: Output("x")]
                public int Execute() => "not a number";
            }
            """;
        var result = RunRefused(new PipelineJson("p").Operation("repeat", "Repeat"), ("Broken.cs", broken));

        CliAssert.BadInput(result, "operations/Broken.cs(");
        Assert.Matches(new Regex(@"^operations/Broken\.cs\(4,29\): error CS0029", RegexOptions.Multiline), result.Stderr);
    }

    [Fact]
    public void Run_OfAPipelineWhoseInputNodeNamesAMissingArtifact_IsRefusedNamingTheNodeAndArtifact()
    {
        var result = RunRefused(new PipelineJson("p")
            .Input("numbers", "no-such-artifact")
            .Operation("take", "TakeNumber")
            .Connect("numbers.data", "take.number"));

        CliAssert.BadInput(result, "node 'numbers'");
        CliAssert.BadInput(result, "no-such-artifact");
    }

    [Fact]
    public void Run_WithATextValueSetForAnIntAttribute_IsRefusedNamingTheNodeAndAttribute()
    {
        var result = RunRefused(new PipelineJson("p").Operation("repeat", "Repeat"), extraArguments: ["--set", "repeat.times=abc"]);

        CliAssert.BadInput(result, "node 'repeat' attribute 'times'");
        CliAssert.BadInput(result, "abc");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Makes a project of a seed with the test operations (and any extra source) and this pipeline, runs it, and checks nothing was stored.</summary>
    private CliResult RunRefused(PipelineJson pipeline, (string File, string Source)? extraSource = null, string[]? extraArguments = null)
    {
        var seed = new SeedFolder(_temp["seed"]).WithOperations(TestOperations.FileName, TestOperations.Source).WithPipeline(pipeline);
        if (extraSource is { } extra) seed.WithOperations(extra.File, extra.Source);
        CliAssert.Succeeded(_cli.Run("new", "v", "--seed", seed.Path));
        var before = CliAssert.Succeeded(_cli.Run("executions", "v", "--json")).Stdout;

        var result = _cli.Run(["run", "v", pipeline.Name, .. extraArguments ?? []]);
        _output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 2, $"expected exit 2 (bad input)\n{result}");
        Assert.Equal(before, CliAssert.Succeeded(_cli.Run("executions", "v", "--json")).Stdout);
        return result;
    }
}
