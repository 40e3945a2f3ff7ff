using DeepForge.Designer.Collaboration;
using DeepForge.Hosting;
using DeepForge.Torch.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

/// <summary>
/// A real engine as the deepforge command makes it (SQLite in a temp folder, the shipped seeds, Torch added),
/// with the designer's edit path; removed on dispose.
/// </summary>
internal sealed class TorchTestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TorchTestEngine()
    {
        Directory = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        _services = new ServiceCollection()
            .AddDeepForge(df => df.UseSqlite(Path.Combine(Directory, "deepforge.db")).UseDataDirectory(Directory)
                .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")).AddTorch())
            .BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
        Edits = new ProjectEdits(Engine);
    }

    public string Directory { get; }

    public DeepForgeEngine Engine { get; }

    public ProjectEdits Edits { get; }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
