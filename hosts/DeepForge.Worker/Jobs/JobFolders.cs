using System.Globalization;
using System.Text;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// The folders jobs run in: under one folder per worker process (<c>w{pid}-{start}</c>), so a worker
/// that starts can tell which leftovers belong to a worker that was killed (its process is gone) and
/// remove them, without touching the folders of another worker that shares the work directory.
/// </summary>
internal sealed class JobFolders(string jobsDirectory, ILogger logger)
{
    // Folders of an older layout carry no owner: removed once nothing has written to them for this long.
    private static readonly TimeSpan UnownedAge = TimeSpan.FromHours(1);

    private readonly string _own = Path.Combine(jobsDirectory, OwnerName(ProcessIdentity.Current));

    /// <summary>Removes the job folders of workers that are no longer running; returns how many went.</summary>
    public int RemoveLeftovers()
    {
        if (!Directory.Exists(jobsDirectory)) return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(jobsDirectory))
        {
            if (!IsLeftover(folder)) continue;
            if (Delete(folder)) removed++;
        }
        return removed;
    }

    public string Create(string jobId)
    {
        var name = new StringBuilder();
        foreach (var c in jobId.Length > 80 ? jobId[..80] : jobId) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var path = Path.Combine(_own, $"{name}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}");
        Directory.CreateDirectory(path);
        return path;
    }

    public bool Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (IOException e) { WorkerLog.JobFolderKept(logger, path, e.Message); }
        catch (UnauthorizedAccessException e) { WorkerLog.JobFolderKept(logger, path, e.Message); }
        return false;
    }

    private bool IsLeftover(string folder)
    {
        if (string.Equals(Path.GetFullPath(folder), Path.GetFullPath(_own), StringComparison.Ordinal)) return false;
        if (ParseOwner(Path.GetFileName(folder)) is { } owner) return !ProcessIdentity.IsAlive(owner);
        return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnownedAge;
    }

    private static string OwnerName(ExecutionOwner owner) =>
        $"w{owner.ProcessId.ToString(CultureInfo.InvariantCulture)}-{owner.ProcessStartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    private static ExecutionOwner? ParseOwner(string name)
    {
        var parts = name.Split('-');
        if (parts.Length != 2 || !parts[0].StartsWith('w')) return null;
        if (!int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)) return null;
        return new ExecutionOwner(Environment.MachineName, pid, DateTimeOffset.FromUnixTimeMilliseconds(started));
    }
}
