using System.Diagnostics;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Benchmarks;

/// <summary>
/// Stamps the moments of one bench train run as the engine reports them in this process: the execution is created, the train node starts
/// (execution claimed, project code loaded, records written), its loop starts (input read and checked, network
/// built: Train logs "training ..."), its loop ends ("trained on ..."), the node succeeds (model stored, checkpoints
/// flushed, records written) and the run returns (output artifact saved, execution finished).
/// </summary>
internal sealed class PipelineTimeline(string watched) : IExecutionObserver
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _created, _running, _loopStart, _loopEnd, _succeeded;

    /// <summary>The thread the operation's loop ran on (a compute thread's name).</summary>
    public string? LoopThread { get; private set; }

    /// <summary>The execution is created (pipeline checked, project code compiled or found compiled, records written).</summary>
    public void Created() => _created = Stopwatch.GetTimestamp();

    public void NodeChanged(NodeRecord node)
    {
        if (node.NodeId != watched) return;
        if (node.Status == NodeStatus.Running) _running = Stopwatch.GetTimestamp();
        else if (node.Status == NodeStatus.Succeeded) _succeeded = Stopwatch.GetTimestamp();
    }

    public void Log(string nodeId, string text)
    {
        if (nodeId != watched) return;
        if (text.StartsWith("training ", StringComparison.Ordinal))
        {
            _loopStart = Stopwatch.GetTimestamp();
            LoopThread = Thread.CurrentThread.Name; // Train logs from the thread its loop runs on
        }
        else if (text.StartsWith("trained on ", StringComparison.Ordinal)) _loopEnd = Stopwatch.GetTimestamp();
    }

    /// <summary>Milliseconds of each phase, the run having returned at <paramref name="end"/>.</summary>
    public TrainPhases Phases(long end)
    {
        if (_created == 0 || _running == 0 || _loopStart == 0 || _loopEnd == 0 || _succeeded == 0)
            throw new InvalidOperationException("the train node did not report its start, its loop's lines and its success: has the seed's Train changed its log?");
        return new TrainPhases(Ms(_start, _created), Ms(_created, _running), Ms(_running, _loopStart), Ms(_loopStart, _loopEnd), Ms(_loopEnd, _succeeded), Ms(_succeeded, end));
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
