namespace DeepForge.Runtime;

/// <summary>
/// A few long-lived threads that run operations' code, the lowest-numbered idle one first.
/// Native libraries keep per-thread state: libtorch's OpenMP builds a team of worker threads for
/// every thread that calls into it, and several teams on few cores slow each other down — bench
/// train lost 40 % when operations ran on ever-changing thread-pool threads. Preferring the same
/// thread means one operation at a time always meets the same team; parallel operations still get
/// a thread each. It also keeps long computations off the thread pool that serves async work.
/// </summary>
public sealed class ComputeThreads : TaskScheduler
{
    private readonly Lock _gate = new();
    private readonly Worker[] _workers;
    private readonly Queue<Task> _pending = new();

    /// <summary>Starts <paramref name="count"/> background threads (at least one); most callers use <see cref="Shared"/>.</summary>
    public ComputeThreads(int count)
    {
        _workers = Enumerable.Range(0, Math.Max(1, count)).Select(i => new Worker(this, i)).ToArray();
    }

    /// <summary>The threads of this process: one per core, so parallel operations are not starved.</summary>
    public static ComputeThreads Shared { get; } = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>Runs <paramref name="work"/> on a compute thread.</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this);

    /// <summary>One task per thread.</summary>
    public override int MaximumConcurrencyLevel => _workers.Length;

    /// <summary>Hands the task to the lowest-numbered idle thread, or queues it until a thread is free.</summary>
    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            var idle = _workers.FirstOrDefault(w => !w.Busy);
            if (idle == null) _pending.Enqueue(task);
            else idle.Assign(task);
        }
    }

    /// <summary>Runs a task not yet queued inline only when called on one of these threads, so compute never runs on another thread.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && _workers.Any(w => w.Thread == Thread.CurrentThread) && TryExecuteTask(task);

    /// <summary>The tasks waiting for a free thread (for debuggers).</summary>
    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate) return _pending.ToArray();
    }

    private Task? Next(Worker worker)
    {
        lock (_gate)
        {
            if (_pending.TryDequeue(out var task)) return task;
            worker.Busy = false;
            return null;
        }
    }

    private sealed class Worker
    {
        private readonly ComputeThreads _owner;
        private readonly SemaphoreSlim _signal = new(0);
        private Task? _assigned;

        public Worker(ComputeThreads owner, int index)
        {
            _owner = owner;
            Thread = new Thread(Loop) { IsBackground = true, Name = $"deepforge-compute-{index}" };
            Thread.Start();
        }

        public Thread Thread { get; }

        public bool Busy { get; set; }

        public void Assign(Task task)
        {
            Busy = true;
            _assigned = task;
            _signal.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _signal.Wait();
                // Not kept in the field after it ran: a finished task holds its result, and an idle thread would keep
                // that value's type, and the project code it comes from, loaded for as long as the thread waits.
                var task = _assigned;
                _assigned = null;
                for (; task != null; task = _owner.Next(this)) _owner.TryExecuteTask(task);
            }
        }
    }
}
