using System.Collections.Concurrent;
using DeepForge.Runner.Protocol;
using DeepForge.Storage;

namespace DeepForge.Dispatch;

/// <summary>
/// The workers that have been heard from lately, kept in the store so every server on it sees them.
/// A runner's record is rewritten at most every few seconds, so heartbeats many times a second cost no writes.
/// </summary>
public sealed class RunnerRegistry(IDocumentStore documents, JobQueueOptions options)
{
    private readonly DocumentCollection<RunnerRecord> _runners = new(documents, Collections.Runners);
    private readonly ConcurrentDictionary<string, RunnerRecord> _written = new();

    private TimeSpan RewriteAfter => TimeSpan.FromTicks(Math.Min(options.RunnerTimeout.Ticks / 4, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>A lease request: records the runner with the labels it has now.</summary>
    public async Task SeenAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var labels = Normalize(request.Labels);
        if (_written.TryGetValue(request.RunnerId, out var last) && now - last.LastSeen < RewriteAfter
            && last.Labels.SequenceEqual(labels) && last.Host == request.Host && last.Slots == request.Slots) return;
        var record = new RunnerRecord
        {
            Id = request.RunnerId, Labels = labels, Host = request.Host, Slots = request.Slots,
            FirstSeen = last?.FirstSeen ?? now, LastSeen = now,
        };
        await _runners.PutAsync(record.Id, null, record, null, cancellationToken);
        _written[record.Id] = record;
    }

    /// <summary>A heartbeat from a runner already known: refreshes when it was last seen.</summary>
    public async Task SeenAsync(string runnerId, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (_written.TryGetValue(runnerId, out var last) && now - last.LastSeen < RewriteAfter) return;
        var record = last ?? (await _runners.GetAsync(runnerId, cancellationToken))?.Value;
        if (record == null) return;
        var next = new RunnerRecord { Id = record.Id, Labels = record.Labels, Host = record.Host, Slots = record.Slots, FirstSeen = record.FirstSeen, LastSeen = now };
        await _runners.PutAsync(next.Id, null, next, null, cancellationToken);
        _written[next.Id] = next;
    }

    /// <summary>Runners heard from within <see cref="JobQueueOptions.RunnerTimeout"/>, by id.</summary>
    public async Task<IReadOnlyList<RunnerRecord>> ConnectedAsync(CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow - options.RunnerTimeout;
        return (await _runners.ListAsync(null, cancellationToken)).Where(r => r.LastSeen >= since).ToList();
    }

    private static List<string> Normalize(IReadOnlyList<string> labels) =>
        labels.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
}
