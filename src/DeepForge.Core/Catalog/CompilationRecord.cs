using DeepForge.Models;

namespace DeepForge.Catalog;

/// <summary>
/// A stored compilation: the assembly blob, the warnings it had, and what code each operation depends on (operation type
/// name to <see cref="Models.OperationCode"/>; null in records stored before operations were cached by their own code).
/// </summary>
internal sealed record CompilationRecord(string AssemblyBlob, List<Problem> Warnings, Dictionary<string, OperationCode>? OperationCode = null);
