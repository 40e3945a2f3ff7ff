using System.Diagnostics;

namespace DeepForge.Cli.Tool;

/// <summary>
/// How this deepforge command was installed: as a global dotnet tool (<c>~/.dotnet/tools</c>), into a
/// tool path (<c>dotnet tool install --tool-path</c>), or not as a tool at all (run from a build or a checkout).
/// A dotnet tool's files live in <c>&lt;tools&gt;/.store/deepforge/&lt;version&gt;/...</c>.
/// </summary>
internal sealed record ToolInstall(ToolInstallKind Kind, string? ToolPath)
{
    public const string PackageId = "deepforge";

    public static ToolInstall Current() => From(AppContext.BaseDirectory);

    public static ToolInstall From(string baseDirectory)
    {
        var full = Path.GetFullPath(baseDirectory);
        var marker = $"{Path.DirectorySeparatorChar}.store{Path.DirectorySeparatorChar}{PackageId}{Path.DirectorySeparatorChar}";
        var at = full.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return new ToolInstall(ToolInstallKind.NotATool, null);
        var root = full[..at];
        var global = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        return Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(global).TrimEnd(Path.DirectorySeparatorChar)
            ? new ToolInstall(ToolInstallKind.Global, root)
            : new ToolInstall(ToolInstallKind.ToolPath, root);
    }

    /// <summary>The arguments of <c>dotnet tool &lt;verb&gt;</c> for this install (for a command that is not a tool: as a global tool).</summary>
    public IReadOnlyList<string> Arguments(string verb, IEnumerable<string>? extraSources = null)
    {
        List<string> arguments = ["tool", verb];
        if (Kind == ToolInstallKind.ToolPath) arguments.AddRange(["--tool-path", ToolPath!]);
        else arguments.Add("-g");
        arguments.Add(PackageId);
        foreach (var source in extraSources ?? []) arguments.AddRange(["--add-source", source]);
        return arguments;
    }

    /// <summary>The command line, quoted where needed, to print.</summary>
    public string CommandLine(string verb, IEnumerable<string>? extraSources = null) =>
        "dotnet " + string.Join(' ', Arguments(verb, extraSources).Select(a => a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    /// <summary>Runs <c>dotnet tool &lt;verb&gt;</c> with its output going to this console; returns its exit code.</summary>
    public async Task<int> RunAsync(string verb, IEnumerable<string>? extraSources, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in Arguments(verb, extraSources)) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new DeepForgeException("dotnet", "could not start dotnet");
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }
}

internal enum ToolInstallKind { NotATool, Global, ToolPath }
