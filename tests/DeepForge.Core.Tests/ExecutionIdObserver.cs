using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Core.Tests;

/// <summary>Learns the id of the execution being run, from its first node change.</summary>
internal sealed class ExecutionIdObserver : IExecutionObserver
{
    private readonly TaskCompletionSource<string> _id = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Id => _id.Task;

    public void NodeChanged(NodeRecord node) => _id.TrySetResult(node.ExecutionId);
}
