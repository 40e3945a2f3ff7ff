using System.CommandLine;
using DeepForge.Cli.Tool;
using DeepForge.Cli.Hosting;
using DeepForge.Extensions;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge uninstall [--yes] [--data-only]</c>: says what it removes (the data folder with its database,
/// blobs, extensions and config; the tool via <c>dotnet tool uninstall</c> when installed as one), then
/// removes it only with --yes or a typed confirmation. Without either it removes nothing and exits 1.
/// </summary>
internal static class UninstallCommand
{
    private const string Confirmation = "yes";

    public static Command Create()
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Remove without asking" };
        var dataOnly = new Option<bool>("--data-only") { Description = "Remove the data folder only and keep the tool" };
        var command = new Command("uninstall", "Remove DeepForge's data folder (projects, runs, blobs, extensions, config) and the deepforge tool") { yes, dataOnly };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var data = Path.GetFullPath(context.DataDirectory);
            var home = Path.GetFullPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            if (Path.GetPathRoot(data) == data || data.TrimEnd(Path.DirectorySeparatorChar) == home.TrimEnd(Path.DirectorySeparatorChar))
                throw new DeepForgeException(data, $"the data folder is {data}, which is not a folder of DeepForge's own: remove what you want of it by hand");

            var tool = parse.GetValue(dataOnly) ? null : ToolInstall.Current();
            Console.WriteLine("deepforge uninstall removes:");
            var exists = Directory.Exists(data);
            if (exists)
            {
                Console.WriteLine($"  the data folder {data}, everything in it:");
                foreach (var line in Describe(data, context)) Console.WriteLine($"    {line}");
            }
            else Console.WriteLine($"  (the data folder {data} does not exist: nothing to remove there)");
            var outside = OutsideFolders(data, context).ToList();
            foreach (var (what, path) in outside) Console.WriteLine($"  not removed: {what} {path} is outside the data folder; remove it by hand if you want to");
            if (tool != null)
                Console.WriteLine(tool.Kind == ToolInstallKind.NotATool
                    ? $"  not the tool: this deepforge was not installed as a dotnet tool (it runs from {AppContext.BaseDirectory})"
                    : $"  the tool, with: {tool.CommandLine("uninstall")}");

            if (!parse.GetValue(yes))
            {
                if (Console.IsInputRedirected)
                {
                    Console.Error.WriteLine("Nothing was removed: run `deepforge uninstall --yes` to remove all of the above.");
                    return CliAction.Failed;
                }
                Console.Write($"Type '{Confirmation}' to remove all of the above: ");
                if (!string.Equals(Console.ReadLine()?.Trim(), Confirmation, StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine("Nothing was removed.");
                    return CliAction.Failed;
                }
            }

            if (exists)
            {
                try
                {
                    Directory.Delete(data, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"Could not remove all of {data}: {e.Message} (is a server or worker still running on it?)");
                    return CliAction.Failed;
                }
                Console.WriteLine($"Removed {data}");
            }
            if (tool is { Kind: not ToolInstallKind.NotATool })
            {
                var exit = await tool.RunAsync("uninstall", null, ct);
                if (exit != 0)
                {
                    Console.Error.WriteLine($"dotnet tool uninstall failed with exit code {exit}; run it yourself: {tool.CommandLine("uninstall")}");
                    return CliAction.Failed;
                }
            }
            return CliAction.Ok;
        });
        return command;
    }

    private static IEnumerable<string> Describe(string data, CliContext context)
    {
        var database = Path.Combine(data, "deepforge.db");
        if (File.Exists(database)) yield return $"database: {database} ({Size(new FileInfo(database).Length)}) with every project and run";
        var blobs = Path.GetFullPath(context.Config.GetString("blob.dir"));
        if (IsInside(blobs, data) && Directory.Exists(blobs)) yield return $"blobs: {blobs} ({Size(FolderSize(blobs))})";
        var extensions = ExtensionManifest.Read(data);
        if (extensions.Count > 0) yield return $"extensions: {string.Join(", ", extensions.Select(e => $"{e.Id} {e.Version}"))}";
        if (File.Exists(context.Config.FilePath)) yield return $"config: {context.Config.FilePath}";
        var worker = Path.GetFullPath(context.Config.GetString("worker.dir"));
        if (IsInside(worker, data) && Directory.Exists(worker)) yield return $"worker folder and cache: {worker} ({Size(FolderSize(worker))})";
        yield return $"in all {Size(FolderSize(data))}";
    }

    private static IEnumerable<(string What, string Path)> OutsideFolders(string data, CliContext context)
    {
        foreach (var (key, what) in new[] { ("blob.dir", "blob.dir"), ("worker.dir", "worker.dir"), ("worker.cache.dir", "worker.cache.dir") })
        {
            var path = Path.GetFullPath(context.Config.GetString(key));
            if (!IsInside(path, data) && Directory.Exists(path)) yield return (what, path);
        }
    }

    private static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static long FolderSize(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Sum(f => { try { return new FileInfo(f).Length; } catch (IOException) { return 0L; } });

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
    };
}
