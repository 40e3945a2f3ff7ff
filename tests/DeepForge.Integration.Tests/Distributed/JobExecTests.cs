using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// The job process verbs (<c>job-exec FOLDER</c>, <c>bench job-exec FOLDER</c>), which the command takes at the top of Main with no
/// command tree: given a folder no worker prepared, each says so in one line with exit code 2, as through the tree.
/// </summary>
public sealed class JobExecTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public JobExecTests() => _cli = new Cli(_temp["data"]);

    [Theory]
    [InlineData("job-exec")]
    [InlineData("bench", "job-exec")]
    public void JobExec_OfAFolderNoWorkerPrepared_IsRefusedInOneLine(params string[] verb)
    {
        var folder = Directory.CreateDirectory(_temp["not-a-job"]).FullName;

        var result = _cli.Run([.. verb, folder]);

        Assert.True(result.ExitCode == 2, $"expected exit 2\n{result}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("job.json", line);
        Assert.Contains("is not a job folder", line);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    [Fact]
    public void JobExec_WithoutAFolder_IsAnsweredByTheCommandTree()
    {
        // Not a worker's exact `job-exec FOLDER`: the tree parses it and names what is missing.
        var result = _cli.Run("job-exec");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("folder", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    public void Dispose() => _temp.Dispose();
}
