using DeepForge.Models;

namespace DeepForge.Dispatch;

/// <summary>A job finished: its outputs by port name, whose blobs the worker has already uploaded.</summary>
internal sealed record CompleteRequest(string LeaseToken, IReadOnlyDictionary<string, OutputValue> Outputs, IReadOnlyList<string>? Log = null);
