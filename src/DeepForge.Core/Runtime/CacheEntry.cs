using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>What a cache key is made of, and the outputs of the run that made it.</summary>
internal sealed record CacheEntry
{
    public required string Key { get; init; }
    public required string Operation { get; init; }
    public required string CodeHash { get; init; }

    /// <summary>The code a project operation depends on, file by file, so a miss can name the file that changed; null for plugin operations and entries stored before.</summary>
    public OperationCode? Code { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = new();
    public Dictionary<string, string> References { get; init; } = new();
    public Dictionary<string, string> Inputs { get; init; } = new();
    public Dictionary<string, OutputValue> Outputs { get; init; } = new();

    /// <summary>The execution and node whose run made the outputs, so a reuse can link to it; null in entries stored before.</summary>
    public string? ExecutionId { get; init; }
    public string? NodeId { get; init; }
}
