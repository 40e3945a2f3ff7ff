
namespace DeepForge.Models;

/// <summary>What a pipeline node is.</summary>
public enum NodeKind
{
    /// <summary>Runs an operation.</summary>
    Operation,
    /// <summary>Reads an artifact by name; its one output port is <c>data</c>.</summary>
    Input,
    /// <summary>Saves what reaches its one input port, <c>data</c>, as an artifact.</summary>
    Output,
}
