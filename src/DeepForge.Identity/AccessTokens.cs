using DeepForge.Data;
using DeepForge.Storage;

namespace DeepForge.Identity;

/// <summary>
/// Personal access tokens for programs (<c>Authorization: Bearer dfp_...</c>): 256 random bits, stored only as
/// their sha256, with an optional expiry, revocable. A token acts as its person with that person's current role.
/// </summary>
public sealed class AccessTokens(IDocumentStore store, TimeProvider time)
{
    /// <summary>What every access token starts with, so one is told from a sign-in token.</summary>
    public const string Prefix = "dfp_";
    private readonly Lazy<Task> _initialized = new(() => store.InitializeAsync());

    /// <summary>Makes a token for <paramref name="person"/>; the returned token is the only time it is seen.</summary>
    public async Task<(AccessTokenRecord Record, string Token)> CreateAsync(string person, TimeSpan? lifetime, string? description, CancellationToken cancellationToken)
    {
        if (lifetime is { } l && (l <= TimeSpan.Zero || l > TimeSpan.FromDays(3650)))
            throw new DeepForgeException("--expires", $"a token's lifetime must be more than 0 and at most 3650 days, not {l}");
        await _initialized.Value.WaitAsync(cancellationToken);
        var token = SecretTokens.New(Prefix);
        var hash = SecretTokens.HashOf(token);
        var now = time.GetUtcNow();
        var record = new AccessTokenRecord(hash[..12], hash, person, description, now, now + lifetime, null);
        await store.PutAsync(IdentityCollections.AccessTokens, hash, null, Json.Serialize(record), 0, cancellationToken);
        return (record, token);
    }

    /// <summary>The token's record when it exists, is not revoked and has not expired; else null.</summary>
    public async Task<AccessTokenRecord?> FindValidAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SecretTokens.Plausible(token) || !token!.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        await _initialized.Value.WaitAsync(cancellationToken);
        var hash = SecretTokens.HashOf(token);
        if (await store.GetAsync(IdentityCollections.AccessTokens, hash, cancellationToken) is not { } doc) return null;
        var record = Json.Deserialize<AccessTokenRecord>(doc.Json);
        return SecretTokens.SameHash(record.Hash, hash) && record.IsValidAt(time.GetUtcNow()) ? record : null;
    }

    /// <summary>The tokens of <paramref name="person"/> (every person's with null), revoked and expired ones too, oldest first.</summary>
    public async Task<IReadOnlyList<AccessTokenRecord>> ListAsync(string? person, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        return (await store.ListAsync(IdentityCollections.AccessTokens, null, cancellationToken)).Select(d => Json.Deserialize<AccessTokenRecord>(d.Json))
            .Where(t => person == null || string.Equals(t.Person, person, StringComparison.OrdinalIgnoreCase)).OrderBy(t => t.CreatedAt).ToList();
    }

    /// <summary>Revokes the token whose id (shown by <c>token list</c>) is given; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var found = (await ListAsync(null, cancellationToken)).FirstOrDefault(t => t.Id == id.Trim());
        if (found == null) return false;
        await store.PutAsync(IdentityCollections.AccessTokens, found.Hash, null, Json.Serialize(found with { RevokedAt = time.GetUtcNow() }), null, cancellationToken);
        return true;
    }

    /// <summary>Revokes every token of a person (when the person is removed).</summary>
    public async Task RevokeAllAsync(string person, CancellationToken cancellationToken)
    {
        foreach (var token in (await ListAsync(person, cancellationToken)).Where(t => t.RevokedAt == null)) await RevokeAsync(token.Id, cancellationToken);
    }
}
