namespace DeepForge.Architecture.Tests;

/// <summary>Every project file of the repository this test was built from.</summary>
internal sealed class Repository
{
    private static readonly string[] Folders = ["src", "hosts", "tests", "samples"];

    private Repository(string root, IReadOnlyList<ProjectFile> projects) => (Root, Projects) = (root, projects);

    public string Root { get; }

    public IReadOnlyList<ProjectFile> Projects { get; }

    public static Repository Load()
    {
        var root = FindRoot();
        var projects = Folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(root, p))
            .Select(p => ProjectFile.Read(root, p))
            .OrderBy(p => p.RelativePath, StringComparer.Ordinal)
            .ToList();
        return new Repository(root, projects);
    }

    public ProjectFile? Find(string name) => Projects.FirstOrDefault(p => p.Name == name);

    /// <summary>The assemblies of test projects: the only ones a project may grant its internals to.</summary>
    public IReadOnlySet<string> TestAssemblies => Projects.Where(p => p.Room == Room.Test).Select(p => p.Assembly).ToHashSet();

    // Templates and extension projects made by tests sit under bin/ or obj/ folders; they are not ours.
    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepForge.sln"))) return dir.FullName;
        throw new InvalidOperationException("DeepForge.sln not found above " + AppContext.BaseDirectory);
    }
}
