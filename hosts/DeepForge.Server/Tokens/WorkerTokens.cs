using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DeepForge.Data;
using DeepForge.Server.Tokens;
using DeepForge.Storage;

namespace DeepForge.Server;

/// <summary>
/// Worker tokens: a worker sends one as <c>Authorization: Bearer &lt;token&gt;</c> on every request of the
/// runner protocol. The store keeps only each token's sha256, so reading the store does not give a token away.
/// </summary>
public sealed class WorkerTokens
{
    private const string Prefix = "dfw_";
    private readonly IDocumentStore _store;
    private readonly HashSet<string> _alsoAccepted;
    private readonly Lazy<Task> _initialized;

    /// <summary>Tokens kept in <paramref name="store"/>.</summary>
    public WorkerTokens(IDocumentStore store) : this(store, []) { }

    internal WorkerTokens(IDocumentStore store, IEnumerable<string> alsoAccepted)
    {
        _store = store;
        _alsoAccepted = alsoAccepted.Select(HashOf).ToHashSet(StringComparer.Ordinal);
        _initialized = new Lazy<Task>(() => store.InitializeAsync());
    }

    /// <summary>Makes a new random token, stores its hash, and returns the token: the only time it is seen.</summary>
    public async Task<string> CreateAsync(string? description = null, CancellationToken cancellationToken = default)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var record = new TokenRecord(HashOf(token), description, DateTimeOffset.UtcNow);
        await _store.PutAsync(Collections.Tokens, record.Hash, null, Json.Serialize(record), 0, cancellationToken);
        return token;
    }

    /// <summary>Whether the token was made by <see cref="CreateAsync"/> on this store, or is one of the server's configured tokens.</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512) return false;
        var hash = HashOf(token);
        if (_alsoAccepted.Contains(hash)) return true;
        await _initialized.Value.WaitAsync(cancellationToken);
        return await _store.GetAsync(Collections.Tokens, hash, cancellationToken) != null;
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}
