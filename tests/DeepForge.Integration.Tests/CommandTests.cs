using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>The command itself: its version, and runs of things that do not exist.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public CommandTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var result = CliAssert.Succeeded(_cli.Run("--version"));

        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Fact]
    public void Run_OfAProjectThatDoesNotExist_IsRefusedNamingTheProject()
    {
        CliAssert.BadInput(_cli.Run("run", "no-such-project", "train"), "no-such-project");
    }

    [Fact]
    public void Run_OfAPipelineThatDoesNotExist_IsRefusedNamingThePipeline()
    {
        CliAssert.Succeeded(_cli.Run("new", "b", "--seed", "blank"));

        var result = _cli.Run("run", "b", "no-such-pipeline");

        CliAssert.BadInput(result, "no-such-pipeline");
        Assert.Empty(CliAssert.Succeeded(_cli.Run("executions", "b", "--json")).Stdout.Trim());
    }

    public void Dispose() => _temp.Dispose();
}
