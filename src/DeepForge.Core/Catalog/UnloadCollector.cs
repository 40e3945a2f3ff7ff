namespace DeepForge.Catalog;

/// <summary>
/// Asks for a full, compacting collection after project code was unloaded. An unloaded context is freed only by a
/// gen-2 collection, and a server with plenty of free memory rarely runs one: measured with <c>bench soak</c>, resident
/// memory climbed by about 0.2 MB per edit for hundreds of edits (garbage of compilations and unloaded contexts waiting
/// for a gen-2 collection) although the live heap stayed near 25 MB. At most one collection runs at a time and at most
/// one per <see cref="MinimumInterval"/>, on a thread pool thread, so a burst of edits costs one collection.
/// </summary>
internal static class UnloadCollector
{
    /// <summary>The shortest time between two collections (a full collection of this server's heap takes tens of milliseconds).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(2);

    private static int _pending;
    private static long _lastTicks = Environment.TickCount64 - (long)MinimumInterval.TotalMilliseconds;

    /// <summary>Schedules a collection unless one is already waiting.</summary>
    public static void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = Task.Run(CollectAsync);
    }

    private static async Task CollectAsync()
    {
        var wait = _lastTicks + (long)MinimumInterval.TotalMilliseconds - Environment.TickCount64;
        if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait)).ConfigureAwait(false);
        Volatile.Write(ref _pending, 0); // unloads from here on need another collection
        // A context goes over several collections: its objects, then its loader allocator's finalizer, then the allocator itself.
        for (var round = 0; round < 2; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _lastTicks = Environment.TickCount64;
    }
}
