using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>
/// A real engine like <see cref="DesignerTestEngine"/>, but reading the seeds from a copy outside the build output:
/// ProjectFolder skips every file whose full path contains "/bin/", and the test output's seeds are all under bin/,
/// so projects made from them there have no sources, which is all the operation editor works on.
/// </summary>
internal sealed class EditorTestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="plugin">An assembly to load as a plugin, named "test-plugin".</param>
    public EditorTestEngine(System.Reflection.Assembly? plugin = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        SeedDirectory = CopySeeds(Path.Combine(Directory, "seeds"));
        _services = new ServiceCollection()
            .AddDeepForge(df =>
            {
                df.UseSqlite(Path.Combine(Directory, "deepforge.db")).UseDataDirectory(Directory).AddSeedDirectory(SeedDirectory);
                if (plugin != null) df.AddPlugin(plugin, "test-plugin");
            })
            .BuildServiceProvider();
        Engine = _services.GetRequiredService<DeepForgeEngine>();
    }

    public string Directory { get; }

    /// <summary>The copy of the shipped seeds, for a test server of its own.</summary>
    public string SeedDirectory { get; }

    public DeepForgeEngine Engine { get; }

    /// <summary>Copies the seeds shipped with the tests to <paramref name="target"/>.</summary>
    public static string CopySeeds(string target)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "seeds");
        foreach (var file in System.IO.Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(shipped, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
