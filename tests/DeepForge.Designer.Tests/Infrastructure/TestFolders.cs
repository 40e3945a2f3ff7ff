using DeepForge.Hosting;
using DeepForge.Torch.Hosting;

namespace DeepForge.Designer.Tests;

/// <summary>
/// The temp folders tests keep their engine in, and the engine set up on one: every engine and server of these tests
/// is made the same way (SQLite in the folder, seeds as asked), so a fix here reaches them all.
/// </summary>
internal static class TestFolders
{
    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes a test's folder; what cannot be removed (a file still held) is left for the system's temp cleaning.</summary>
    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Lets SQLite go of the folder's database (pooled connections keep it open), then removes the folder: the last
    /// step of every engine's disposal, after its services are gone.
    /// </summary>
    public static void Release(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Delete(path);
    }

    /// <summary>The engine on <paramref name="directory"/>: its database, data and the seeds asked for.</summary>
    public static DeepForgeBuilder UseFolder(this DeepForgeBuilder df, string directory, TestSeeds seeds, bool torch)
    {
        df.UseDataDirectory(directory).UseSqlite(Path.Combine(directory, "deepforge.db"));
        if (seeds == TestSeeds.Shipped) df.AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds"));
        if (seeds == TestSeeds.Copied) df.AddSeedDirectory(CopySeeds(Path.Combine(directory, "seeds")));
        // The seeds' operations are written against TorchSharp, as deepforge start has it.
        if (torch) df.AddTorch();
        return df;
    }

    // A seed's C# sources are read from every folder below it except bin/ and obj/ ones, and the test output is
    // under bin/: the seeds are copied out of it, so projects made from them have their operations. Overwriting lets
    // a test start a second server on the same folder.
    private static string CopySeeds(string target)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "seeds");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
        return target;
    }
}
