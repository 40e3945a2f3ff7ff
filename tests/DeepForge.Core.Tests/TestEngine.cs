using DeepForge.Blobs;
using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Core.Tests;

/// <summary>A DeepForge engine on the real SQLite store and blob folder in a fresh temp folder, removed on dispose.</summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    private TestEngine(string directory, bool ownsDirectory, Action<DeepForgeBuilder>? configure = null)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        _services = new ServiceCollection()
            .AddDeepForge(df =>
            {
                df.UseSqlite(System.IO.Path.Combine(directory, "deepforge.db")).UseDataDirectory(directory).AddCompilation();
                configure?.Invoke(df);
            })
            .BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
    }

    /// <summary>The data folder: database, blobs, job folders.</summary>
    public string Directory { get; }

    public DeepForgeEngine Engine { get; }

    public IDocumentStore Documents => _services.GetRequiredService<IDocumentStore>();

    public IBlobStore Blobs => _services.GetRequiredService<IBlobStore>();

    internal DeepForgeStore Store => _services.GetRequiredService<DeepForgeStore>();

    internal T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new engine in a new temp folder.</summary>
    public static TestEngine Create(Action<DeepForgeBuilder>? configure = null) =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deepforge-core-tests", Guid.NewGuid().ToString("n")), ownsDirectory: true, configure);

    /// <summary>A second engine (another service provider, as another process would have) on this one's folder.</summary>
    public TestEngine Reopen() => new(Directory, ownsDirectory: false);

    /// <summary>A file in the test's folder.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>Saves the project (in place of one of its name the test stored before), then runs one of its pipelines.</summary>
    public async Task<ExecutionRecord> RunAsync(ProjectDefinition project, string pipeline, Runtime.RunOptions? options = null)
    {
        if (project.Version == 0 && await Engine.Projects.FindAsync(project.Name) is { } stored) project.Version = stored.Version;
        await Engine.Projects.SaveAsync(project);
        return await Engine.Executions.RunAsync(project.Name, pipeline, options);
    }

    public async Task<NodeRecord> NodeAsync(string executionId, string nodeId) =>
        (await Engine.Executions.NodesAsync(executionId)).Single(n => n.NodeId == nodeId);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsDirectory) return;
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
