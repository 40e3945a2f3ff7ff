using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests;

/// <summary>A real DeepForge engine on SQLite in a fresh temp folder with the shipped seeds, removed on dispose.</summary>
internal sealed class DesignerTestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public DesignerTestEngine()
    {
        Directory = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        _services = new ServiceCollection()
            .AddDeepForge(df => df.UseSqlite(Path.Combine(Directory, "deepforge.db")).UseDataDirectory(Directory)
                .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")))
            .BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
    }

    public string Directory { get; }

    public DeepForgeEngine Engine { get; }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
