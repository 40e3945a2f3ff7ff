using DeepForge.Api;
using System.Diagnostics;
using System.Reflection;

namespace DeepForge.Server.Api.Status;

/// <summary>This server process as /api/v1/status names it: host, process id, version and when the process started.</summary>
internal static class ServerIdentity
{
    // The process's start, not the app's: an embedder's process that serves DeepForge is what has been up that long.
    private static readonly DateTimeOffset StartedAt = StartTime();
    private static readonly string Version = (typeof(ServerIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    public static StatusServerView View(DateTimeOffset now) =>
        new($"{Environment.MachineName}-{Environment.ProcessId}", Environment.MachineName, Environment.ProcessId, Version, StartedAt, Math.Round(Math.Max(0, (now - StartedAt).TotalSeconds), 1));

    private static DateTimeOffset StartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
