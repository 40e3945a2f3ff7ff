using System.Text.Json;
using DeepForge.Extensions;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// Everything needed to run one operation of an execution, in this process or on a worker: the input of
/// the runtime's <c>IJobRunner</c> seam, and what the runner protocol hands a worker with a lease.
/// </summary>
public sealed record JobSpec
{
    /// <summary>The execution the job belongs to.</summary>
    public required string ExecutionId { get; init; }
    /// <summary>The pipeline node it runs.</summary>
    public required string NodeId { get; init; }
    /// <summary>The node's attempt (1 for the first run, more after retries).</summary>
    public required int Attempt { get; init; }
    /// <summary>The operation's name.</summary>
    public required string Operation { get; init; }
    /// <summary>The hash of the project sources the operation was compiled from, when it is a project operation.</summary>
    public string? SourceHash { get; init; }
    /// <summary>The blob of the compiled project assembly, when it is a project operation.</summary>
    public string? AssemblyBlob { get; init; }
    /// <summary>Attribute values by name, defaults applied.</summary>
    public Dictionary<string, JsonElement> Attributes { get; init; } = new();
    /// <summary>Referenced architectures by attribute name.</summary>
    public Dictionary<string, string> References { get; init; } = new();
    /// <summary>The architectures the references name, as they were when the execution was made.</summary>
    public List<ArchitectureDefinition> Architectures { get; init; } = new();
    /// <summary>Input values by port name: blobs to fetch.</summary>
    public Dictionary<string, OutputValue> Inputs { get; init; } = new();
    /// <summary>Labels a worker must have, all of them, to run it.</summary>
    public List<string> Labels { get; init; } = new();

    /// <summary>
    /// The output ports the operation declares: a worker's completion must report exactly these.
    /// Null in jobs stored before this was sent, which are checked against their blobs only.
    /// </summary>
    public List<string>? DeclaredOutputs { get; init; }

    /// <summary>The extensions a worker loads before it runs the job (the server's installed ones); empty when run in the server's process.</summary>
    public List<JobExtension> Extensions { get; init; } = new();

    /// <summary>The last checkpoint the node's operation stored in an earlier attempt or run, to continue from; null when none.</summary>
    public OutputValue? Checkpoint { get; init; }

    /// <summary>The job's id in logs and on workers.</summary>
    public string JobId => $"{ExecutionId}/{NodeId}/{Attempt}";
}
