using System.Text.Json;
using DeepForge.Extensions;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>Everything needed to run one operation of an execution, in this process or on a worker.</summary>
internal sealed record JobSpec
{
    public required string ExecutionId { get; init; }
    public required string NodeId { get; init; }
    public required int Attempt { get; init; }
    public required string Operation { get; init; }
    public string? SourceHash { get; init; }
    public string? AssemblyBlob { get; init; }
    public Dictionary<string, JsonElement> Attributes { get; init; } = new();
    public Dictionary<string, string> References { get; init; } = new();
    public List<ArchitectureDefinition> Architectures { get; init; } = new();
    public Dictionary<string, OutputValue> Inputs { get; init; } = new();
    public List<string> Labels { get; init; } = new();

    /// <summary>
    /// The output ports the operation declares: a worker's completion must report exactly these.
    /// Null in jobs stored before this was sent, which are checked against their blobs only.
    /// </summary>
    public List<string>? DeclaredOutputs { get; init; }

    /// <summary>The extensions a worker loads before it runs the job (the server's installed ones); empty when run in the server's process.</summary>
    public List<JobExtension> Extensions { get; init; } = new();

    /// <summary>The job's id in logs and on workers.</summary>
    public string JobId => $"{ExecutionId}/{NodeId}/{Attempt}";
}
