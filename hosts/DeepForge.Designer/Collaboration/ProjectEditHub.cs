using System.Collections.Concurrent;
using System.Threading.Channels;
using DeepForge.Storage;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// What every circuit's <see cref="ProjectEdits"/> shares: one gate per project (edits of this process go one at a
/// time, they would only make each other retry) and the event that tells every open page of a stored edit. Edits
/// this process stores are told at once; every other write of a project (the REST API, a program, another server
/// on the same store) comes from the store's change feed and is told as made by <see cref="StoreEditor"/>. A
/// project's version as last told is kept, so this process's own edits, heard again from the feed, are not told twice.
/// </summary>
internal sealed class ProjectEditHub : IDisposable
{
    /// <summary>The editor of a change heard from the store: no page of this process made it.</summary>
    public const string StoreEditor = "store";
    private const string AllProjects = "";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<string, long> _told = new();
    private readonly Channel<string> _heard = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IChangeFeed? _feed;
    private readonly DeepForgeStore? _store;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _listening;

    public ProjectEditHub(IChangeFeed? feed = null, DeepForgeStore? store = null) => (_feed, _store) = (feed, store);

    /// <summary>Raised after an edit is stored; handlers run on the editing page's thread and must not block.</summary>
    public event Action<ProjectChange>? Changed;

    public SemaphoreSlim GateOf(string project) => _gates.GetOrAdd(project, _ => new SemaphoreSlim(1, 1));

    public void Announce(ProjectChange change) => Changed?.Invoke(change);

    /// <summary>Notes the version this process just stored and told of itself (call under the project's gate).</summary>
    public void Stored(ProjectChange change, long version)
    {
        _told[change.Project] = version;
        Announce(change);
    }

    /// <summary>Starts listening to the store's feed (once); completes when it listens.</summary>
    public Task ListenAsync(CancellationToken cancellationToken)
    {
        if (_feed == null || _store == null) return Task.CompletedTask;
        lock (_gates) _listening ??= StartListeningAsync();
        return _listening.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _heard.Writer.TryComplete();
        _stopping.Cancel();
    }

    private async Task StartListeningAsync()
    {
        try { await _feed!.SubscribeAsync(OnChange, _stopping.Token); }
        catch
        {
            // The next page to listen tries again.
            lock (_gates) _listening = null;
            throw;
        }

        _ = Task.Run(() => TellAsync(_stopping.Token));
    }

    private void OnChange(StoreChange change)
    {
        if (change.Kind == ChangeKind.Project) _heard.Writer.TryWrite(change.Id);
        else if (change.Kind == ChangeKind.Everything) _heard.Writer.TryWrite(AllProjects);
    }

    // One reader: what piled up while it read is taken together, each project once.
    private async Task TellAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _heard.Reader.WaitToReadAsync(cancellationToken))
            {
                var projects = new HashSet<string>(StringComparer.Ordinal);
                while (_heard.Reader.TryRead(out var project)) projects.Add(project);
                if (projects.Remove(AllProjects))
                    foreach (var stored in await _store!.Documents.ListAsync(Collections.Projects, null, cancellationToken)) projects.Add(stored.Id);
                foreach (var project in projects)
                {
                    try { await TellIfNewAsync(project, cancellationToken); }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested) { } // a busy store: the next change reads again
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (ChannelClosedException) { }
    }

    private async Task TellIfNewAsync(string project, CancellationToken cancellationToken)
    {
        // Under the gate, so an edit of this process that is being stored has noted its version before this compares.
        var gate = GateOf(project);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var version = (await _store!.Documents.GetAsync(Collections.Projects, project, cancellationToken))?.Version ?? 0;
            if (_told.TryGetValue(project, out var told) && told == version) return;
            _told[project] = version;
        }
        finally { gate.Release(); }
        Announce(new ProjectChange(project, StoreEditor));
    }
}
