using System.Security.Cryptography;
using System.Text;
using DeepForge.Models;

namespace DeepForge.Compilation;

/// <summary>The identity of a project's code: sha256 over its sources in path order.</summary>
public static class SourceHasher
{
    /// <summary>The sha256 (lowercase hex) of the sources' paths and texts in ordinal path order, so the same code hashes the same whatever the order given; it keys compilations and names a project's assembly.</summary>
    public static string Hash(IEnumerable<SourceFile> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in sources.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.Text));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
