namespace DeepForge.Cli.Folders;

/// <summary>
/// Saves of a project's files (.cs and .json, not the pull record, the IDE project or build output), debounced: an
/// editor writes a file in several steps (temporary file, rename), and a save-all touches many files at once.
/// </summary>
internal sealed class FolderWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly FileSystemWatcher _watcher;
    private readonly SemaphoreSlim _changed = new(0);
    private long _lastChangeTicks;

    public FolderWatcher(string directory)
    {
        _watcher = new FileSystemWatcher(Path.GetFullPath(directory)) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size };
        _watcher.Changed += (_, e) => OnChange(e.FullPath);
        _watcher.Created += (_, e) => OnChange(e.FullPath);
        _watcher.Deleted += (_, e) => OnChange(e.FullPath);
        _watcher.Renamed += (_, e) => { OnChange(e.OldFullPath); OnChange(e.FullPath); };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Completes once a project file changed and nothing more changed for a short while.</summary>
    public async Task NextChangeAsync(CancellationToken cancellationToken)
    {
        await _changed.WaitAsync(cancellationToken);
        while (DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastChangeTicks) < Quiet.Ticks) await Task.Delay(Quiet / 3, cancellationToken);
        while (_changed.CurrentCount > 0) await _changed.WaitAsync(cancellationToken); // the burst is one push
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changed.Dispose();
    }

    private void OnChange(string path)
    {
        if (!IsProjectFile(Path.GetRelativePath(_watcher.Path, path).Replace('\\', '/'))) return;
        Interlocked.Exchange(ref _lastChangeTicks, DateTime.UtcNow.Ticks);
        _changed.Release();
    }

    private static bool IsProjectFile(string relative) =>
        (relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".json", StringComparison.Ordinal))
        && !relative.Split('/').Any(part => part is ".deepforge" or "bin" or "obj");
}
