using System.Globalization;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests.Cache;

/// <summary>Job folders: a finished job's goes at once; a failed job's stays a while for inspection, then goes.</summary>
public sealed class JobFolderTests
{
    [Fact]
    public void FinishedJobsFolder_IsRemoved()
    {
        using var folder = new TempFolder();
        var folders = new JobFolders(folder.Path, NullLogger.Instance, TimeSpan.FromHours(1));
        var job = folders.Create("job-1");

        folders.Finish(job, failed: false);

        Assert.False(Directory.Exists(job));
        Assert.Empty(Directory.EnumerateDirectories(Own(folder)));
    }

    [Fact]
    public void FailedJobsFolder_IsKeptWithItsFiles_ForInspection()
    {
        using var folder = new TempFolder();
        var folders = new JobFolders(folder.Path, NullLogger.Instance, TimeSpan.FromHours(1));
        var job = folders.Create("job-1");
        File.WriteAllText(Path.Combine(job, "model.partial"), "half");

        folders.Finish(job, failed: true);

        var kept = Assert.Single(Directory.EnumerateDirectories(Own(folder)));
        Assert.StartsWith("failed-", Path.GetFileName(kept));
        Assert.Equal("half", File.ReadAllText(Path.Combine(kept, "model.partial")));
    }

    [Fact]
    public void FailedJobsFolder_IsRemoved_OnceKeptLongerThanTheSetting()
    {
        using var folder = new TempFolder();
        var folders = new JobFolders(folder.Path, NullLogger.Instance, TimeSpan.FromHours(1));
        var old = Path.Combine(Own(folder), $"failed-{DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-job-0-abcd");
        Directory.CreateDirectory(old);
        var recent = folders.Create("job-1");

        folders.Finish(recent, failed: true);

        Assert.False(Directory.Exists(old));
        Assert.Single(Directory.EnumerateDirectories(Own(folder)));
    }

    private static string Own(TempFolder folder) => Path.Combine(folder.Path, JobFolders.OwnerName(ProcessIdentity.Current));
}
