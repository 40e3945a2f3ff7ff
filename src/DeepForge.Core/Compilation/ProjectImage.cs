using DeepForge.Models;

namespace DeepForge.Compilation;

/// <summary>
/// A project's sources compiled (<see cref="IProjectCompiler.Compile"/>): the assembly's bytes with embedded debug
/// information (null when the code has errors), its errors and warnings (each naming file, line and column), and the code
/// each operation depends on (operation type name to <see cref="Models.OperationCode"/>).
/// </summary>
public sealed record ProjectImage(byte[]? Image, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings,
    IReadOnlyDictionary<string, OperationCode> OperationCode);
