using DeepForge.Feedback;

namespace DeepForge.Operations;

/// <summary>What a running operation may use: feedback (graphs, images), its log, cancellation and the device.</summary>
public sealed class OperationContext
{
    private readonly IFeedbackSink _sink;
    private readonly Dictionary<string, Graph> _graphs = new();
    private readonly string _workingDirectory;
    private readonly ProgressThrottle _progress = new();
    private int _images;
    private string? _device;

    // A null device is the process's (ComputeDevice.Current), asked on first use: finding it may load a tensor library
    // (libtorch, a quarter of a second of CPU), which a job that never asks must not pay for.
    internal OperationContext(IFeedbackSink sink, TextWriter log, string? device, string workingDirectory, CancellationToken cancellationToken)
    {
        _sink = sink;
        Log = log;
        _device = device;
        _workingDirectory = workingDirectory;
        CancellationToken = cancellationToken;
    }

    /// <summary>The job's log; console output of the operation lands here too.</summary>
    public TextWriter Log { get; }

    /// <summary>The device to compute on: <c>cpu</c>, or <c>cuda:0</c> when this process has a CUDA libtorch and a usable device (see <see cref="ComputeDevice"/>).</summary>
    public string Device => _device ??= ComputeDevice.Current;

    /// <summary>A folder of this job for scratch files, made on first use and removed when the job ends.</summary>
    public string WorkingDirectory
    {
        get
        {
            // Made only when asked for: most operations need none, and a folder per job is real cost at a thousand jobs.
            Directory.CreateDirectory(_workingDirectory);
            return _workingDirectory;
        }
    }

    /// <summary>Signalled when the execution is cancelled.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The graph of that title, created on first use.</summary>
    public Graph Graph(string title)
    {
        lock (_graphs)
        {
            if (!_graphs.TryGetValue(title, out var graph))
                _graphs[title] = graph = new Graph(_sink, $"g{_graphs.Count}", title);
            return graph;
        }
    }

    /// <summary>Shows an image; keep the returned object to change its title or pixels.</summary>
    public FeedbackImage Image(string title, ImageData? image = null) =>
        new(_sink, $"i{Interlocked.Increment(ref _images)}", title, image);

    /// <summary>
    /// Reports how far the operation is (for example batches done of the epoch's batches) with an optional
    /// message such as the loss; terminals and the designer show it as a progress bar. Call it as often as
    /// you like: reports closer together than a quarter second are dropped, except the last of a round.
    /// </summary>
    public void Progress(long done, long total, string? message = null)
    {
        if (total <= 0 || done < 0) return;
        if (!_progress.ShouldReport(done, total)) return;
        _sink.Feedback(ProgressReport.Event(done, total, message));
    }

    /// <summary>
    /// Stores <paramref name="state"/> as this job's checkpoint (for example the weights, the optimizer's state and the
    /// epoch, after each epoch), replacing the last one. When the job is run again after a crash, a lost worker or a
    /// failed attempt, <see cref="LastCheckpoint{T}"/> gives it back so the operation continues instead of starting over.
    /// The state is stored as a blob with the same serializers as outputs; it is kept until the node succeeds.
    /// Outside a pipeline (<see cref="Create"/>) nothing is kept. The state is serialized before this returns (change it
    /// freely after) and stored in the background, in order; the job does not finish before it is stored. To know it is
    /// stored, so that a crash right after cannot take it away, use <see cref="CheckpointAsync{T}"/>.
    /// </summary>
    public void Checkpoint<T>(T state) where T : notnull => Checkpoints?.WriteAsync(state);

    /// <summary>
    /// As <see cref="Checkpoint{T}"/>, and completes once the checkpoint is stored for this node, so a crash after it
    /// continues from here; it waits on no thread meanwhile.
    /// </summary>
    public Task CheckpointAsync<T>(T state, CancellationToken cancellationToken = default) where T : notnull =>
        Checkpoints?.WriteAsync(state).WaitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>The last checkpoint this node stored in an earlier run of the job, or null when there is none (or it is of another type).</summary>
    public T? LastCheckpoint<T>() where T : class => Checkpoints?.Read<T>();

    // Set by the runtime for jobs of a pipeline; an init property keeps the constructor as it was.
    internal Runtime.JobCheckpoints? Checkpoints { get; init; }

    /// <summary>
    /// Reports a number about this run under a name (<c>context.Metric("accuracy", 0.9183)</c>); reporting a name again
    /// replaces its value. Metrics are stored with the job and shown as a table on the execution page and by
    /// <c>deepforge executions --metrics</c>.
    /// </summary>
    public void Metric(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _sink.Feedback(Metrics.MetricReport.Event(name, value));
    }

    /// <summary>Makes a context for tests and tools that run an operation outside a pipeline.</summary>
    public static OperationContext Create(IFeedbackSink sink, TextWriter? log = null, CancellationToken cancellationToken = default) =>
        new(sink, log ?? TextWriter.Null, "cpu", Directory.GetCurrentDirectory(), cancellationToken);
}
