using System.Diagnostics;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>
/// A real, tiny file system (a 1 MiB tmpfs) mounted at a folder, that a test can fill until the kernel answers
/// "No space left on device" as a full disk does. Mounting needs root, which the test machines and CI have;
/// without it the test says so instead of pretending.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(string path)
    {
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", path);
        if (code != 0) throw new InvalidOperationException($"this test mounts a 1 MiB tmpfs to have a disk it can fill, and needs root for it: mount said {output}");
        return new SmallDisk(path);
    }

    /// <summary>Writes a filler file until the disk refuses another byte.</summary>
    public void Fill()
    {
        var chunk = new byte[4096];
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true) filler.Write(chunk);
        }
        catch (IOException)
        {
            // Full: what is left is less than a page, so no new file gets a byte either.
        }
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
