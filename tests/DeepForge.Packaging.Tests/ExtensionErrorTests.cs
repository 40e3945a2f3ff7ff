using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace DeepForge.Packaging.Tests;

/// <summary>Packages that cannot be installed: each gives a clear error and leaves nothing behind.</summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s)
public sealed class ExtensionErrorTests(PackagedDeepForge packaged)
{
    [Fact]
    public async Task A_package_that_does_not_exist_is_named_with_the_sources_searched()
    {
        var id = "DeepForge.NoSuchExtension" + Guid.NewGuid().ToString("N")[..8];
        var result = await AddFailsAsync(id, "--source", packaged.ExtensionFeed);
        Assert.Contains($"there is no package {id}", result.Error);
        Assert.Contains(packaged.ExtensionFeed, result.Error);
    }

    [Fact]
    public async Task A_package_for_another_framework_names_the_frameworks_it_has()
    {
        var package = packaged.MakePackage("OldFramework.Ext", "net48", ExtensionAssembly, []);
        var result = await AddFailsAsync(package);
        Assert.Contains("no assemblies for net10.0", result.Error);
        Assert.Contains("net48", result.Error);
    }

    [Fact]
    public async Task A_package_without_a_DeepForge_plugin_is_refused()
    {
        var plain = typeof(NuGetVersion).Assembly.Location; // NuGet.Versioning.dll: a .NET assembly that does not reference DeepForge.Core
        var package = packaged.MakePackage("Plain.Library", "net10.0", plain, []);
        var result = await AddFailsAsync(package);
        Assert.Contains("holds no DeepForge plugin", result.Error);
    }

    [Fact]
    public async Task A_package_needing_a_newer_DeepForge_is_a_version_conflict()
    {
        var package = packaged.MakePackage("Future.Ext", "net10.0", ExtensionAssembly, [new PackageDependency("DeepForge.Core", VersionRange.Parse("99.0.0"))]);
        var result = await AddFailsAsync(package);
        Assert.Contains("version conflict", result.Error);
        Assert.Contains("DeepForge.Core", result.Error);
        Assert.Contains("99.0.0", result.Error);
        Assert.Contains(PackagedDeepForge.Version, result.Error);
    }

    private string ExtensionAssembly => Path.Combine(packaged.ExtensionBuildOutput, "AcmeExt.dll");

    private async Task<ProcessResult> AddFailsAsync(params string[] arguments)
    {
        var data = packaged.NewDataDirectory();
        var result = await packaged.RunAsync(data, ["extensions", "add", .. arguments]);
        Assert.True(result.ExitCode == 2, $"expected exit code 2, got {result.ExitCode}:\n{result.All}");
        Assert.Contains("error:", result.Error);
        Assert.False(File.Exists(Path.Combine(data, "extensions.json")), "extensions.json was written");
        var extensions = Path.Combine(data, "extensions");
        Assert.False(Directory.Exists(extensions) && Directory.EnumerateFileSystemEntries(extensions).Any(), "something was left under extensions/");
        return result;
    }
}
