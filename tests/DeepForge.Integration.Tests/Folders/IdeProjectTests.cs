using System.Diagnostics;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Folders;

/// <summary>The .csproj pull writes builds the folder's code as DeepForge compiles it (so an IDE knows its types), and push ignores the build's output.</summary>
public sealed class IdeProjectTests : IDisposable
{
    private readonly TempFolder _temp = new("deepforge-ide");
    private readonly Cli _cli;

    public IdeProjectTests() => _cli = new Cli(_temp["data"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ThePulledCsproj_BuildsTheProjectCode_AndPushIgnoresItsOutput()
    {
        MeasureProject.WriteTo(_temp["source"], _temp["report.txt"]);
        CliAssert.Succeeded(_cli.Run("push", _temp["source"], "--project", "m"));
        CliAssert.Succeeded(_cli.Run("pull", "m", _temp["work"]));

        var (exitCode, output) = Build(_temp["work"]);

        Assert.True(exitCode == 0, output);
        Assert.True(Directory.Exists(_temp["work/obj"]), output);
        Assert.Contains("No changes", CliAssert.Succeeded(_cli.Run("push", _temp["work"])).Stdout);
    }

    private static (int ExitCode, string Output) Build(string directory)
    {
        var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-v", "quiet", "-clp:ErrorsOnly"])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
