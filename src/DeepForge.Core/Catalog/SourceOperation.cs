namespace DeepForge.Catalog;

/// <summary>
/// An operation read from source code: its interface, where its class is declared (line and column
/// count from 1), where each input, output, attribute and reference is written, and the problems
/// inside the class (compile errors and warnings, inputs never used, interface mistakes).
/// </summary>
public sealed record SourceOperation(
    OperationDescriptor Descriptor,
    string Path,
    int Line,
    int Column,
    IReadOnlyList<SourceMember> Members,
    IReadOnlyList<Problem> Problems);
