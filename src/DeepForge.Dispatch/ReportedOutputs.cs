using DeepForge.Blobs;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Dispatch;

/// <summary>
/// Checks a worker's completion before anything of it is stored: exactly the outputs the operation
/// declares, each naming a blob this server has, of the size the report says. A worker that reports
/// anything else (by a bug or on purpose) must not put results into the execution or the cache.
/// </summary>
internal static class ReportedOutputs
{
    /// <summary>What is wrong with the outputs, or null when they can be stored.</summary>
    public static async Task<string?> ProblemAsync(JobSpec spec, IReadOnlyDictionary<string, OutputValue>? outputs, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (outputs == null) return "'outputs' is missing";
        if (spec.DeclaredOutputs is { } declared && DeclarationProblem(spec.Operation, declared, outputs) is { } problem) return problem;
        foreach (var (port, value) in outputs)
        {
            if (value == null || !BlobHash.IsValid(value.Hash)) return $"output '{port}': '{value?.Hash}' is not a blob hash (64 lowercase hex digits)";
            var size = await blobs.SizeOfAsync(value.Hash, cancellationToken);
            if (size == null) return $"output '{port}': blob {value.Hash} is not on this server; PUT it to /api/v1/blobs/{value.Hash} before completing";
            if (size != value.Size) return $"output '{port}': blob {value.Hash} has {size} bytes, the report says {value.Size}";
        }
        return null;
    }

    private static string? DeclarationProblem(string operation, IReadOnlyList<string> declared, IReadOnlyDictionary<string, OutputValue> outputs)
    {
        var names = declared.Count == 0 ? "none" : string.Join(", ", declared);
        if (declared.FirstOrDefault(d => !outputs.ContainsKey(d)) is { } missing)
            return $"output '{missing}' that operation '{operation}' declares is missing (it declares: {names})";
        if (outputs.Keys.FirstOrDefault(o => !declared.Contains(o, StringComparer.Ordinal)) is { } extra)
            return $"output '{extra}' is not one operation '{operation}' declares (it declares: {names})";
        return null;
    }
}
