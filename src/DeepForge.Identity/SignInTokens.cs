using DeepForge.Data;
using DeepForge.Storage;

namespace DeepForge.Identity;

/// <summary>
/// One-time sign-in tokens, as in the URL <c>deepforge start</c> prints (<c>/?token=...</c>): stored by their
/// sha256, spent by deleting them, so of two uses at once only one signs in.
/// </summary>
public sealed class SignInTokens(IDocumentStore store, TimeProvider time)
{
    /// <summary>What every sign-in token starts with, so one is told from an access token.</summary>
    public const string Prefix = "dfs_";
    /// <summary>How long a sign-in token lasts when no lifetime is given: one day.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);
    private readonly Lazy<Task> _initialized = new(() => store.InitializeAsync());

    /// <summary>Makes a one-time sign-in token for <paramref name="person"/>, valid for <paramref name="lifetime"/> (else <see cref="DefaultLifetime"/>); only its hash is stored.</summary>
    public async Task<string> CreateAsync(string person, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        var token = SecretTokens.New(Prefix);
        var record = new SignInTokenRecord(SecretTokens.HashOf(token), person, time.GetUtcNow() + (lifetime ?? DefaultLifetime));
        await store.PutAsync(IdentityCollections.SignInTokens, record.Hash, null, Json.Serialize(record), 0, cancellationToken);
        return token;
    }

    /// <summary>The person the token signs in, once: the token is gone afterwards. Null for an unknown, used or expired token.</summary>
    public async Task<string?> SpendAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SecretTokens.Plausible(token) || !token!.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        await _initialized.Value.WaitAsync(cancellationToken);
        var hash = SecretTokens.HashOf(token);
        if (await store.GetAsync(IdentityCollections.SignInTokens, hash, cancellationToken) is not { } doc) return null;
        if (!await store.DeleteAsync(IdentityCollections.SignInTokens, hash, cancellationToken)) return null;
        var record = Json.Deserialize<SignInTokenRecord>(doc.Json);
        return SecretTokens.SameHash(record.Hash, hash) && record.ExpiresAt > time.GetUtcNow() ? record.Person : null;
    }
}
