using DeepForge.Integration.Tests.Infrastructure;
using static DeepForge.Integration.Tests.Folders.MeasureProject;

namespace DeepForge.Integration.Tests.Folders;

/// <summary><c>deepforge watch</c> pushes a pulled folder when a file in it is saved, one line per push.</summary>
public sealed class WatchTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-watch");
    private readonly Cli _cli;

    public WatchTests() => _cli = new Cli(_temp["data"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Watch_PushesAfterAFileIsSaved()
    {
        MeasureProject.WriteTo(_temp["source"], _temp["report.txt"]);
        CliAssert.Succeeded(_cli.Run("push", _temp["source"], "--project", "m"));
        CliAssert.Succeeded(_cli.Run("pull", "m", _temp["work"]));
        using var watch = _cli.Start("watch", _temp["work"]);
        Eventually.Holds(() => watch.ToString().Contains("Watching", StringComparison.Ordinal), TimeSpan.FromMinutes(1), watch.ToString);

        Edit(_temp["work"], "operations/Measure.cs", "\"v1\"", "\"saved\"");

        Eventually.Holds(() => watch.ToString().Contains("pushed m version 2: changed source operations/Measure.cs", StringComparison.Ordinal), TimeSpan.FromMinutes(1), watch.ToString);
        watch.Kill();
        CliAssert.Succeeded(_cli.Run("pull", "m", _temp["after"]));
        Assert.Contains("\"saved\"", File.ReadAllText(_temp["after/operations/Measure.cs"]));
    }
}
