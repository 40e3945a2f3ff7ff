using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using DeepForge.Configuration;
using DeepForge.Hosting;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// Runs the command again, once, with torch.dir's libraries first on the loader's path. TorchSharp's own loader (in its
/// static constructor, before anything can stop it) loads "torch_cpu" by name, and .NET's probing would find the bundled
/// libtorch beside the command: a second libtorch in the process, which aborts. The loader's path is read when a process
/// starts, so it is set for a new one: there "torch_cpu.so" names torch.dir's library (a link in a per-user folder) and
/// libtorch's own names find torch.dir's files before the bundled ones. Job processes of a worker inherit it.
/// </summary>
internal static class TorchRelaunch
{
    private const string Marker = "DEEPFORGE_TORCH_LIBRARY";

    /// <summary>The exit code of the command run again, or null when this process is the one to run it.</summary>
    public static int? RunIfNeeded(string[] args)
    {
        if (!OperatingSystem.IsLinux() || LibraryFolder() is not { } library) return null;
        if (Environment.GetEnvironmentVariable(Marker) == library) return null;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        var inherited = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        start.Environment["LD_LIBRARY_PATH"] = string.Join(':', new[] { NamesFolder(library), library, inherited }.Where(p => !string.IsNullOrEmpty(p)));
        start.Environment[Marker] = library;
        using var child = Process.Start(start)!;
        // Ctrl-C from a terminal reaches both; a signal sent to this process alone is passed on, and this one waits.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Forward(c, child, "-INT"));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Forward(c, child, "-TERM"));
        child.WaitForExit();
        return child.ExitCode;
    }

    // torch.dir as DEEPFORGE_TORCH_DIR or the setting names it; null when unset or when it is no libtorch build, which
    // DeepForge.Torch then refuses in one line in this process.
    private static string? LibraryFolder()
    {
        string? folder;
        try
        {
            folder = Environment.GetEnvironmentVariable(TorchSetting.EnvironmentVariable) is { Length: > 0 } env
                ? env
                : new DeepForgeConfig(Path.GetFullPath(DeepForgeOptions.DefaultDataDirectory())).Show(TorchSetting.Key) as string;
        }
        catch (DeepForgeException)
        {
            return null; // a broken config file is reported by the command itself
        }
        if (string.IsNullOrEmpty(folder)) return null;
        folder = Path.GetFullPath(folder);
        var library = new[] { Path.Combine(folder, "lib"), folder }.FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch_cpu.so")));
        return library;
    }

    // "torch_cpu.so" and "torch_cuda.so" as links to torch.dir's libraries: the names TorchSharp's probing asks the loader for.
    private static string NamesFolder(string library)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(library)))[..16];
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var folder = Path.Combine(cache, "deepforge", "torch-names", hash);
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "torch_cpu", "torch_cuda" })
        {
            var target = Path.Combine(library, $"lib{name}.so");
            var link = Path.Combine(folder, $"{name}.so");
            if (!File.Exists(target) || File.Exists(link)) continue;
            try { File.CreateSymbolicLink(link, target); }
            catch (IOException) { } // another process made it first
        }
        return folder;
    }

    private static void Forward(PosixSignalContext context, Process child, string signal)
    {
        context.Cancel = true;
        if (child.HasExited) return;
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit();
    }
}
