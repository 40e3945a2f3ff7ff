using System.Globalization;
using System.Text;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// The folders jobs run in: under one folder per worker process (<c>w{pid}-{start}</c>), so a worker
/// that starts can tell which leftovers belong to a worker that was killed (its process is gone) and
/// remove them, without touching the folders of another worker that shares the work directory. A finished job's
/// folder goes at once; a failed job's is kept for a while (renamed <c>failed-{ms}-{name}</c>) for inspection.
/// </summary>
internal sealed class JobFolders(string jobsDirectory, ILogger logger, TimeSpan keepFailed = default)
{
    private const string FailedPrefix = "failed-";

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

    /// <summary>Removes a finished job's folder, or keeps a failed one's for <c>keepFailed</c>; then removes failed ones kept longer.</summary>
    public void Finish(string path, bool failed)
    {
        if (failed && keepFailed > TimeSpan.Zero)
        {
            var kept = Path.Combine(_own, $"{FailedPrefix}{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Path.GetFileName(path)}");
            try { Directory.Move(path, kept); }
            catch (IOException) { Delete(path); }
        }
        else Delete(path);
        RemoveExpiredFailures();
    }

    /// <summary>Removes the kept folders of failed jobs older than <c>keepFailed</c>; returns how many went.</summary>
    public int RemoveExpiredFailures()
    {
        if (!Directory.Exists(_own)) return 0;
        var removed = 0;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var folder in Directory.EnumerateDirectories(_own, FailedPrefix + "*"))
        {
            var stamp = Path.GetFileName(folder)[FailedPrefix.Length..].Split('-')[0];
            if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var failedAt)) continue;
            if (now - failedAt >= keepFailed.TotalMilliseconds && Delete(folder)) removed++;
        }
        return removed;
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

    /// <summary>The folder name of a worker process (<c>w{pid}-{start}</c>), also used for its list of blobs in use.</summary>
    internal static string OwnerName(ExecutionOwner owner) =>
        $"w{owner.ProcessId.ToString(CultureInfo.InvariantCulture)}-{owner.ProcessStartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    internal static ExecutionOwner? ParseOwner(string name)
    {
        var parts = name.Split('-');
        if (parts.Length != 2 || !parts[0].StartsWith('w')) return null;
        if (!int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)) return null;
        return new ExecutionOwner(Environment.MachineName, pid, DateTimeOffset.FromUnixTimeMilliseconds(started));
    }
}
