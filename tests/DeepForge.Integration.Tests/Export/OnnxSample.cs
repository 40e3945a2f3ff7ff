using System.Diagnostics;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>
/// The repository's samples/OnnxPredictions app, built with <c>dotnet build</c> as its README says and started on a
/// port the system picks (<c>--urls http://127.0.0.1:0</c>); its address is read from what ASP.NET Core prints.
/// </summary>
internal sealed class OnnxSample : IDisposable
{
    private static readonly string ProjectFolder = Path.Combine(Repository.Root, "samples", "OnnxPredictions");
    private static readonly Lazy<string> Built = new(Build);
    private readonly BackgroundCli _process;

    public OnnxSample(string model, string classes)
    {
        string[] arguments = [Built.Value, "--model", model, "--classes", classes, "--urls", "http://127.0.0.1:0"];
        _process = new BackgroundCli(Start(arguments), arguments);
        Eventually.Holds(() => Address != null || _process.HasExited, TimeSpan.FromMinutes(1), () => $"the sample never said where it listens\n{_process}");
        Assert.True(Address != null, $"the sample ended\n{_process}");
    }

    /// <summary>Where the sample listens, once it says so.</summary>
    public string? Address => Regex.Match(_process.Stdout, @"Now listening on: (http://127\.0\.0\.1:\d+)") is { Success: true } m ? m.Groups[1].Value : null;

    public override string ToString() => _process.ToString();

    // The sample's own build, as a person runs it: the test depends on nothing but the folder.
    private static string Build()
    {
        string[] arguments = ["build", ProjectFolder, "-c", "Release", "-nologo", "-v", "quiet", "-clp:ErrorsOnly"];
        using var build = new BackgroundCli(Start(arguments), arguments);
        var result = build.WaitForExit(TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"the sample did not build\n{result}");
        return Directory.EnumerateFiles(Path.Combine(ProjectFolder, "bin", "Release"), "OnnxPredictions.dll", SearchOption.AllDirectories).Single();
    }

    private static ProcessStartInfo Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = ProjectFolder };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        return start;
    }

    public void Dispose() => _process.Dispose();
}
