using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace DeepForge.Packaging.Tests;

/// <summary>
/// Packs DeepForge once for every test (SLOW: about a minute): DeepForge.Core, DeepForge.Compilation, DeepForge.Torch, DeepForge.Storage.Sqlite,
/// the templates and the deepforge tool into a temporary feed; installs the tool from that feed into a
/// temporary tool path; and makes, builds and packs an extension from the template.
/// </summary>
public sealed class PackagedDeepForge : IAsyncLifetime
{
    public const string ExtensionId = "AcmeExt";
    public const string Version = "0.1.0";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "deepforge-packaging-" + Guid.NewGuid().ToString("N")[..8]);
    public string Repository { get; } = FindRepository();
    public string Feed => Path.Combine(Root, "feed");
    public string ToolPath => Path.Combine(Root, "tool");
    public string Deepforge => Path.Combine(ToolPath, "deepforge");
    public string ExtensionProject => Path.Combine(Root, ExtensionId);
    public string ExtensionFeed => Path.Combine(Root, "extension-feed");
    public string ExtensionPackage => Path.Combine(ExtensionFeed, $"{ExtensionId}.1.0.0.nupkg");
    public string ExtensionBuildOutput => Path.Combine(ExtensionProject, "bin", "Release", "net10.0");
    public string Hive => Path.Combine(Root, "template-hive");

    public ProcessResult ToolInstall { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        foreach (var project in new[] { "src/DeepForge.Core/DeepForge.Core.csproj", "src/DeepForge.Compilation/DeepForge.Compilation.csproj",
                     "src/DeepForge.Torch/DeepForge.Torch.csproj",
                     "src/DeepForge.Storage.Sqlite/DeepForge.Storage.Sqlite.csproj",
                     "templates/DeepForge.Templates/DeepForge.Templates.csproj", "hosts/DeepForge.Cli/DeepForge.Cli.csproj" })
            (await Processes.DotnetAsync(Repository, "pack", project, "-c", "Release", "-o", Feed, "-nologo", "-v", "quiet")).Succeeded($"dotnet pack {project}");

        ToolInstall = (await Processes.DotnetAsync(Root, "tool", "install", "--tool-path", ToolPath, "--add-source", Feed, "deepforge", "--version", Version))
            .Succeeded("dotnet tool install deepforge");

        // The extension and an exported pipeline restore DeepForge's packages 0.1.0 from the feed; a copy cached by an earlier run may be stale.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "deepforge.core", "deepforge.compilation", "deepforge.torch", "deepforge.storage.sqlite" })
            TryDelete(Path.Combine(cache, id, Version));

        (await Processes.DotnetAsync(Root, "new", "install", Path.Combine(Feed, $"DeepForge.Templates.{Version}.nupkg"), "--debug:custom-hive", Hive))
            .Succeeded("dotnet new install");
        (await Processes.DotnetAsync(Root, "new", "deepforge-extension", "-n", ExtensionId, "-o", ExtensionProject, "--debug:custom-hive", Hive))
            .Succeeded("dotnet new deepforge-extension");
        (await Processes.DotnetAsync(ExtensionProject, "pack", "-c", "Release", "-o", ExtensionFeed, "-nologo", $"-p:RestoreAdditionalProjectSources={Feed}"))
            .Succeeded("dotnet pack of the extension");
    }

    /// <summary>Makes a package with one assembly in lib/&lt;framework&gt;/ (named &lt;id&gt;.dll), in <paramref name="folder"/> or a new folder.</summary>
    public string MakePackage(string id, string framework, string assembly, IReadOnlyList<PackageDependency> dependencies, string? folder = null)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse("1.0.0"), Description = "A test package", Authors = { "tests" } };
        builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.Parse(framework), dependencies));
        builder.Files.Add(new PhysicalPackageFile { SourcePath = assembly, TargetPath = $"lib/{framework}/{id}.dll" });
        var path = Path.Combine(folder ?? Path.Combine(Root, "made-" + Guid.NewGuid().ToString("N")[..8]), $"{id}.1.0.0.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path)) builder.Save(stream);
        return path;
    }

    /// <summary>A fresh, empty data folder.</summary>
    public string NewDataDirectory()
    {
        var path = Path.Combine(Root, "data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs the installed tool with a data folder.</summary>
    public Task<ProcessResult> RunAsync(string dataDirectory, params string[] arguments) =>
        Processes.RunAsync(Deepforge, arguments, Root, new Dictionary<string, string?> { ["DEEPFORGE_DATA_DIR"] = dataDirectory }, TimeSpan.FromMinutes(3));

    public Task DisposeAsync()
    {
        TryDelete(Root);
        return Task.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepForge.sln"))) return dir.FullName;
        throw new InvalidOperationException("DeepForge.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackagedCollection : ICollectionFixture<PackagedDeepForge>
{
    public const string Name = "packaged deepforge";
}
