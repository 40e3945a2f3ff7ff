using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// The one way a run writes its execution: each write of the execution's status or of its nodes' records goes in one
/// transaction with the execution's record, compare-and-set on the version this run last wrote. When another process
/// wrote in between, the record is read again: a person's cancel leaves this run's claim in place and the write is made
/// again on the newer record; a claim by another process (a takeover after this run's lease ran out) makes this and
/// every later write refused, and <see cref="Lost"/> stops the run. Every write renews the lease as well.
/// </summary>
internal sealed class ExecutionFence : IDisposable
{
    private readonly DeepForgeStore _store;
    private readonly LeaseSettings _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private ExecutionRecord _execution;
    private long _version;
    private string? _takenBy;

    public ExecutionFence(DeepForgeStore store, LeaseSettings settings, ExecutionRecord claimed, long version) =>
        (_store, _settings, _execution, _version) = (store, settings, claimed, version);

    /// <summary>The execution as this run last wrote or read it.</summary>
    public ExecutionRecord Execution => _execution;

    /// <summary>This run's claim.</summary>
    public ExecutionLease Lease => _execution.Lease!;

    /// <summary>Cancelled once the lease is known lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Writes documents of the execution (its nodes, artifacts, cache entries) only while this run holds it.</summary>
    public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken) =>
        UpdateAsync(_ => { }, writes, cancellationToken);

    /// <summary>Renews the lease from now.</summary>
    public Task RenewAsync(CancellationToken cancellationToken) => UpdateAsync(_ => { }, [], cancellationToken);

    /// <summary>Ends the lease now (this process stops running it), so another server may take it over at once.</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) => UpdateAsync(_ => { }, [], cancellationToken, release: true);

    /// <summary>Changes the execution's record and writes it with <paramref name="alongside"/>, all or none, only while this run holds it.</summary>
    public async Task<ExecutionRecord> UpdateAsync(Action<ExecutionRecord> change, IReadOnlyList<DocumentWrite> alongside, CancellationToken cancellationToken,
        bool release = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                ThrowIfLost();
                var next = Json.Deserialize<ExecutionRecord>(Json.Serialize(_execution));
                change(next);
                next.Lease = Lease with { ExpiresAt = release ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow + _settings.Duration };
                if (await _store.Documents.PutManyAsync([_store.Executions.Write(next.Id, next.Project, next, _version), .. alongside], cancellationToken))
                {
                    // Every store numbers a conditional write one more than the version it replaced.
                    (_execution, _version) = (next, _version + 1);
                    return next;
                }
                var current = await _store.Executions.GetAsync(_execution.Id, cancellationToken);
                // Lost: the loop's next turn throws.
                if (current == null || !Lease.SameClaim(current.Value.Lease)) MarkLost(current?.Value.Lease?.Holder);
                else (_execution, _version) = (current.Value, current.Version);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Notes that the stored record names another claim (seen by a reader that is not a write).</summary>
    public void Observe(ExecutionRecord stored)
    {
        if (!Lease.SameClaim(stored.Lease)) MarkLost(stored.Lease?.Holder);
    }

    /// <summary>Renews the lease every <see cref="LeaseSettings.Renewal"/> until stopped or lost; a store that is down is tried again at the next turn.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_settings.Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try { await RenewAsync(cancellationToken); }
                catch (ExecutionLeaseLostException) { return; }
                catch (Exception e) when (e is not OperationCanceledException) { } // the store is down: the next turn tries again, and the lease says how long that may last
            }
        }
        catch (OperationCanceledException) { }
    }

    public void ThrowIfLost()
    {
        if (IsLost) throw new ExecutionLeaseLostException(_execution.Id, _takenBy);
    }

    private void MarkLost(string? holder)
    {
        _takenBy ??= holder;
        _lost.Cancel();
    }

    public void Dispose()
    {
        _gate.Dispose();
        _lost.Dispose();
    }
}
