using DeepForge.Models;

namespace DeepForge.Runner.Protocol;

/// <summary>A job finished: its outputs by port name, whose blobs the worker has already uploaded.</summary>
/// <param name="LeaseToken">The token of the lease the worker holds the job with.</param>
/// <param name="Outputs">Exactly the output ports the operation declares, each a blob already on the server.</param>
/// <param name="Log">Log text not yet sent in a heartbeat.</param>
public sealed record CompleteRequest(string LeaseToken, IReadOnlyDictionary<string, OutputValue> Outputs, IReadOnlyList<string>? Log = null);
