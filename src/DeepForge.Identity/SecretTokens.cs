using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DeepForge.Identity;

/// <summary>Random tokens (256 bits) and their hashes: only hashes are stored, and they are compared in constant time.</summary>
internal static class SecretTokens
{
    public static string New(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    /// <summary>Whether a text may be a token at all: short enough to hash, no spaces.</summary>
    public static bool Plausible(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= 512;
}
