using DeepForge.Data;
using DeepForge.Storage;
using Microsoft.AspNetCore.Identity;

namespace DeepForge.Identity;

/// <summary>
/// The people who may sign in, kept in the document store. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a salt and many iterations), never stored as typed.
/// </summary>
public sealed class People(IDocumentStore store)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;
    private static readonly PasswordHasher<PersonRecord> Hasher = new();
    private readonly Lazy<Task> _initialized = new(() => store.InitializeAsync());

    /// <summary>Adds a person with a password; refused when the name is taken, unusable, or the password too short.</summary>
    public async Task<PersonRecord> AddAsync(string name, PersonRole role, string password, CancellationToken cancellationToken)
    {
        CheckName(name);
        CheckPassword(password);
        await _initialized.Value.WaitAsync(cancellationToken);
        var person = new PersonRecord(name, role, null, DateTimeOffset.UtcNow);
        person = person with { PasswordHash = Hasher.HashPassword(person, password) };
        if (await store.PutAsync(IdentityCollections.People, Key(name), null, Json.Serialize(person), 0, cancellationToken) == null)
            throw new DeepForgeException(name, $"there is already a person named '{name}'");
        return person;
    }

    /// <summary>A person who signs in only with one-time addresses until someone gives them a password (the first admin).</summary>
    public async Task<PersonRecord> AddWithoutPasswordAsync(string name, PersonRole role, CancellationToken cancellationToken)
    {
        CheckName(name);
        await _initialized.Value.WaitAsync(cancellationToken);
        var person = new PersonRecord(name, role, null, DateTimeOffset.UtcNow);
        if (await store.PutAsync(IdentityCollections.People, Key(name), null, Json.Serialize(person), 0, cancellationToken) == null)
            throw new DeepForgeException(name, $"there is already a person named '{name}'");
        return person;
    }

    /// <summary>The person of this name, or null.</summary>
    public async Task<PersonRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) return null;
        await _initialized.Value.WaitAsync(cancellationToken);
        return await store.GetAsync(IdentityCollections.People, Key(name), cancellationToken) is { } doc ? Json.Deserialize<PersonRecord>(doc.Json) : null;
    }

    /// <summary>Everyone, by name.</summary>
    public async Task<IReadOnlyList<PersonRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        return (await store.ListAsync(IdentityCollections.People, null, cancellationToken)).Select(d => Json.Deserialize<PersonRecord>(d.Json)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether anyone has been added yet.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => (await ListAsync(cancellationToken)).Count > 0;

    /// <summary>The person when the password is theirs; null for an unknown name or a wrong password alike.</summary>
    public async Task<PersonRecord?> CheckPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (await GetAsync(name, cancellationToken) is not { PasswordHash: { } hash } person || string.IsNullOrEmpty(password) || password.Length > 1000) return null;
        return Hasher.VerifyHashedPassword(person, hash, password) == PasswordVerificationResult.Failed ? null : person;
    }

    /// <summary>Changes a person's role.</summary>
    public Task<PersonRecord> SetRoleAsync(string name, PersonRole role, CancellationToken cancellationToken) =>
        UpdateAsync(name, p => p with { Role = role }, cancellationToken);

    /// <summary>Changes a person's password.</summary>
    public Task<PersonRecord> SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        CheckPassword(password);
        return UpdateAsync(name, p => p with { PasswordHash = Hasher.HashPassword(p, password) }, cancellationToken);
    }

    /// <summary>Removes a person; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        return await store.DeleteAsync(IdentityCollections.People, Key(name), cancellationToken);
    }

    private async Task<PersonRecord> UpdateAsync(string name, Func<PersonRecord, PersonRecord> change, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        var doc = await store.GetAsync(IdentityCollections.People, Key(name), cancellationToken) ?? throw NoPerson(name);
        var changed = change(Json.Deserialize<PersonRecord>(doc.Json));
        if (await store.PutAsync(IdentityCollections.People, Key(name), null, Json.Serialize(changed), doc.Version, cancellationToken) == null)
            throw new DeepForgeException(name, $"'{name}' was changed by someone else at the same time: try again");
        return changed;
    }

    /// <summary>The error for a name nobody has.</summary>
    public static DeepForgeException NoPerson(string name) => new(name, $"there is no person named '{name}' (see 'deepforge users list')");

    // Names are case-sensitive as typed, but one name cannot be taken twice in different cases.
    private static string Key(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Throws a DeepForgeException saying why unless the name is usable (1 to 64 letters, digits, dots, dashes, underscores, at signs).</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new DeepForgeException(name, $"'{name}' is not a usable name: use 1 to 64 letters, digits, '.', '-', '_' or '@'");
    }

    /// <summary>Throws a DeepForgeException unless the password is long enough.</summary>
    public static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            throw new DeepForgeException("password", $"the password is too short: use at least {MinPasswordLength} characters");
        if (password.Length > 1000) throw new DeepForgeException("password", "the password is too long: use at most 1000 characters");
    }
}
