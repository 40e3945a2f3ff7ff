using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Projects;

/// <summary>Artifacts: list, find the newest by name, read as a .NET value, upload, delete.</summary>
public sealed class ArtifactService
{
    private readonly DeepForgeStore _store;
    private readonly IBlobStore _blobs;
    private readonly CatalogProvider _catalogs;
    private readonly ProjectService _projects;

    internal ArtifactService(DeepForgeStore store, IBlobStore blobs, CatalogProvider catalogs, ProjectService projects) =>
        (_store, _blobs, _catalogs, _projects) = (store, blobs, catalogs, projects);

    /// <summary>A project's artifacts, newest first.</summary>
    public async Task<IReadOnlyList<ArtifactRecord>> ListAsync(string project, CancellationToken cancellationToken = default) =>
        (await _store.Artifacts.ListAsync(project, cancellationToken)).OrderByDescending(a => a.CreatedAt).ToList();

    /// <summary>The newest artifact of that name, or null.</summary>
    public Task<ArtifactRecord?> FindAsync(string project, string name, CancellationToken cancellationToken = default) =>
        _store.NewestArtifactAsync(project, name, cancellationToken);

    /// <summary>Reads an artifact as a value of type <typeparamref name="T"/> with its data type's serializer.</summary>
    public async Task<T> ReadAsync<T>(ArtifactRecord artifact, CancellationToken cancellationToken = default)
    {
        var project = await _projects.GetAsync(artifact.Project, cancellationToken);
        using var lease = await _catalogs.ForAsync(project.Sources, cancellationToken);
        var catalog = lease.Catalog;
        var type = catalog.ResolveType(artifact.DataType) is { } stored && typeof(T).IsAssignableFrom(stored) ? stored : typeof(T);
        var serializer = catalog.Serializers.For(type);
        if (type == typeof(Data.DataFile))
        {
            // The blob's own file is handed over (no copy), so it is checked before it is opened.
            await using var stream = await _blobs.OpenReadAsync(artifact.Hash, cancellationToken);
            return (T)serializer.Deserialize(stream);
        }
        return (T)await CheckedBlobReads.ReadAsync(_blobs, artifact.Hash, serializer.Deserialize, cancellationToken);
    }

    /// <summary>Stores a .NET value as an artifact, with its data type's serializer.</summary>
    public async Task<ArtifactRecord> SaveAsync<T>(string project, string name, T value, CancellationToken cancellationToken = default) where T : notnull
    {
        var definition = await _projects.GetAsync(project, cancellationToken);
        CheckName(name);
        using var lease = await _catalogs.ForAsync(definition.Sources, cancellationToken);
        var serializer = lease.Catalog.Serializers.For(value.GetType());
        var blob = await _blobs.WriteAsync((stream, _) => { serializer.Serialize(value, stream); return Task.CompletedTask; }, cancellationToken);
        return await AddAsync(project, name, DataTypeNames.Of(value.GetType()), blob, cancellationToken);
    }

    /// <summary>Stores a file as an artifact of type <see cref="Data.DataFile"/>.</summary>
    public async Task<ArtifactRecord> UploadFileAsync(string project, string name, string path, CancellationToken cancellationToken = default)
    {
        await _projects.GetAsync(project, cancellationToken);
        CheckName(name);
        if (!File.Exists(path)) throw new DeepForgeException(path, $"there is no file {path}");
        await using var file = File.OpenRead(path);
        var blob = await _blobs.PutAsync(file, cancellationToken: cancellationToken);
        return await AddAsync(project, name, DataTypeNames.Of(typeof(Data.DataFile)), blob, cancellationToken);
    }

    private async Task<ArtifactRecord> AddAsync(string project, string name, string dataType, Blobs.BlobInfo blob, CancellationToken cancellationToken)
    {
        var artifact = new ArtifactRecord
        {
            Id = $"upload-{Guid.NewGuid().ToString("n")[..12]}", Project = project, Name = name,
            DataType = dataType, Hash = blob.Hash, Size = blob.Size, CreatedAt = DateTimeOffset.UtcNow,
        };
        await _store.Artifacts.PutAsync(artifact.Id, project, artifact, 0, cancellationToken);
        return artifact;
    }

    /// <summary>Throws a <see cref="DeepForgeException"/> saying why unless <paramref name="name"/> can name an artifact (1 to 200 characters, no path, no control characters).</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Contains('/') || name.Contains('\\') || name.Contains("..") || name.Any(char.IsControl))
            throw new DeepForgeException($"artifact '{name}'", $"'{name}' is not an artifact name: no slashes, '..' or control characters, at most 200 characters");
    }
}
