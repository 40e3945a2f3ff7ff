using System.Security.Cryptography;
using System.Text;
using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// Output caching: a run may reuse an earlier run's outputs when the operation's code, attributes,
/// references and input hashes are all the same. When it may not, the reason is the first part that differs.
/// A project operation's code is what it depends on (<see cref="OperationCode"/>), not the whole project's sources.
/// </summary>
internal static class CacheKeys
{
    public static CacheEntry Describe(JobSpec job, OperationType operation, OperationCode? code)
    {
        var attributes = operation.Descriptor.Attributes.ToDictionary(a => a.Name,
            a => job.Attributes.TryGetValue(a.Name, out var v) ? v.GetRawText() : a.Default?.GetRawText() ?? "null");
        var references = job.References.ToDictionary(r => r.Key,
            r => Hash(Json.Serialize(job.Architectures.FirstOrDefault(a => a.Name == r.Value))));
        var inputs = job.Inputs.ToDictionary(i => i.Key, i => i.Value.Hash);
        var entry = new CacheEntry
        {
            Key = "", Operation = operation.Name, Code = code,
            CodeHash = code == null ? operation.CodeHash : Hash(Json.Serialize(code)),
            Attributes = attributes, References = references, Inputs = inputs,
        };
        return entry with { Key = Hash(Json.Serialize(entry)) };
    }

    /// <summary>Why <paramref name="now"/> could not reuse <paramref name="before"/>, the last run of the same node.</summary>
    public static string MissReason(CacheEntry? before, CacheEntry now)
    {
        if (before == null) return "no earlier run of this node";
        if (before.Operation != now.Operation) return $"operation changed from '{before.Operation}' to '{now.Operation}'";
        if (before.CodeHash != now.CodeHash) return CodeChange(before.Code, now.Code);
        return FirstDifference("attribute", before.Attributes, now.Attributes)
            ?? FirstDifference("reference", before.References, now.References)
            ?? FirstDifference("input", before.Inputs, now.Inputs)
            ?? "outputs of the earlier run are no longer stored";
    }

    private static string CodeChange(OperationCode? before, OperationCode? now)
    {
        if (now == null) return "operation code changed";
        if (before == null) return "operation code changed (the earlier run was cached by the whole project's code)";
        return FirstChangedName(before.OwnFiles, now.OwnFiles) is { } own ? $"operation code changed: {own}"
            : FirstChangedName(before.UsedFiles, now.UsedFiles) is { } used ? $"a type it uses changed: {used}"
            : FirstChangedName(before.Assemblies, now.Assemblies) is { } library ? $"a library it uses changed: {library}"
            : "operation code changed";
    }

    private static string? FirstChangedName(Dictionary<string, string> before, Dictionary<string, string> now) =>
        before.Keys.Union(now.Keys).Order(StringComparer.Ordinal).FirstOrDefault(name => before.GetValueOrDefault(name) != now.GetValueOrDefault(name));

    private static string? FirstDifference(string what, Dictionary<string, string> before, Dictionary<string, string> now)
    {
        foreach (var name in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            if (before.GetValueOrDefault(name) != now.GetValueOrDefault(name)) return $"{what} '{name}' changed";
        return null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
