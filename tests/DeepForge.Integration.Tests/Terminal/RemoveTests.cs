using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Terminal;

/// <summary><c>artifacts rm</c>, <c>executions rm</c>, <c>projects rm</c> refuse what is still used unless <c>--force</c>; <c>du</c> measures the blobs.</summary>
public sealed class RemoveTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public RemoveTests()
    {
        _cli = new Cli(_temp["data"]);
        var release = _temp["release"];
        File.WriteAllText(release, "open");
        CliAssert.Succeeded(_cli.Run("new", "t", "--seed", TerminalSeed.Write(_temp, _temp["marker"], release).Path));
        CliAssert.Succeeded(_cli.Run("run", "t", "make"));
    }

    [Fact]
    public void ArtifactsRm_IsRefused_WhenAnInputNodeReadsIt()
    {
        CliAssert.BadInput(_cli.Run("artifacts", "rm", "t", "made"), "Input node 'in'");

        Assert.Single(Artifacts());
    }

    [Fact]
    public void ArtifactsRm_WithForce_RemovesAnArtifactThatIsRead()
    {
        CliAssert.Succeeded(_cli.Run("artifacts", "rm", "t", "made", "--force"));

        Assert.Empty(Artifacts());
    }

    [Fact]
    public void ExecutionsRm_RemovesAFinishedExecution()
    {
        var execution = Assert.Single(ExecutionList.Read(_cli, "t"));

        CliAssert.Succeeded(_cli.Run("executions", "rm", execution.Id));

        Assert.Empty(ExecutionList.Read(_cli, "t"));
        Assert.Single(Artifacts());
    }

    [Fact]
    public void ProjectsRm_IsRefused_WhileTheProjectHasExecutionsAndArtifacts()
    {
        CliAssert.BadInput(_cli.Run("projects", "rm", "t"), "project 't'");

        Assert.Contains("\"t\"", CliAssert.Succeeded(_cli.Run("projects", "--json")).Stdout);
    }

    [Fact]
    public void ProjectsRm_WithForce_RemovesTheProjectWithItsExecutionsAndArtifacts()
    {
        CliAssert.Succeeded(_cli.Run("projects", "rm", "t", "--force"));

        Assert.DoesNotContain("\"t\"", CliAssert.Succeeded(_cli.Run("projects", "--json")).Stdout);
    }

    [Fact]
    public void Du_ListsTheArtifactAndExecutionWithTheSizeOfTheirBlob()
    {
        var artifact = Artifacts().Single();
        var hash = artifact.GetProperty("hash").GetString()!;
        var blob = Directory.EnumerateFiles(_cli.DataDirectory, hash, SearchOption.AllDirectories).Single();

        using var du = JsonDocument.Parse(CliAssert.Succeeded(_cli.Run("du", "--json")).Stdout);

        var project = du.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("project").GetString() == "t");
        Assert.Equal(new FileInfo(blob).Length, project.GetProperty("artifacts").EnumerateArray().Single().GetProperty("bytes").GetInt64());
        Assert.Equal(new FileInfo(blob).Length, project.GetProperty("executions").EnumerateArray().Single().GetProperty("bytes").GetInt64());
        Assert.Equal(0, du.RootElement.GetProperty("unusedBlobs").GetInt32());
    }

    private List<JsonElement> Artifacts() =>
        CliAssert.Succeeded(_cli.Run("artifacts", "t", "--json")).StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public void Dispose() => _temp.Dispose();
}
