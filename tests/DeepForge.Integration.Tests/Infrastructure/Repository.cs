namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>The checkout these tests belong to: found by walking up from the test assembly to DeepForge.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string CliDll => Path.Combine(Root, "artifacts", "cli", "deepforge.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepForge.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no DeepForge.sln above {AppContext.BaseDirectory}");
    }
}
