using System.Text.Json;

namespace DeepForge.Packaging.Tests;

/// <summary>An extension made from the template: installed, used by a pipeline, listed and removed.</summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s)
public sealed class ExtensionTests(PackagedDeepForge packaged)
{
    private const string Operation = "AcmeExtOperation";

    [Fact]
    public async Task An_extension_from_the_template_installs_runs_and_is_listed()
    {
        var data = packaged.NewDataDirectory();
        var add = (await packaged.RunAsync(data, "extensions", "add", packaged.ExtensionPackage)).Succeeded("extensions add");
        Assert.Contains("Installed AcmeExt 1.0.0", add.Output);
        Assert.True(File.Exists(Path.Combine(data, "extensions", "AcmeExt", "1.0.0", "lib", "net10.0", "AcmeExt.dll")));
        // The host's assemblies are not copied.
        Assert.False(File.Exists(Path.Combine(data, "extensions", "AcmeExt", "1.0.0", "lib", "net10.0", "DeepForge.Core.dll")));

        var list = (await packaged.RunAsync(data, "extensions", "list", "--json")).Succeeded("extensions list");
        using (var json = JsonDocument.Parse(list.Output))
        {
            var entry = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("AcmeExt", entry.GetProperty("id").GetString());
            Assert.Equal("1.0.0", entry.GetProperty("version").GetString());
        }
        Assert.Contains("AcmeExt", (await packaged.RunAsync(data, "extensions", "list")).Succeeded("extensions list").Output);

        // The extension's seed holds a pipeline using its operation.
        (await packaged.RunAsync(data, "new", "p", "--seed", "AcmeExt-demo")).Succeeded("new --seed AcmeExt-demo");
        var run = (await packaged.RunAsync(data, "run", "p", "demo")).Succeeded("run p demo");
        Assert.Contains("Hello from AcmeExt: 1, 2, 3", run.All);
        Assert.Contains("succeeded", run.All);
    }

    [Fact]
    public async Task Remove_refuses_while_a_project_uses_the_extension_and_succeeds_when_none_does()
    {
        // A project whose pipeline uses the extension's operation: remove refuses, naming it.
        var used = packaged.NewDataDirectory();
        (await packaged.RunAsync(used, "extensions", "add", packaged.ExtensionPackage)).Succeeded("extensions add");
        (await packaged.RunAsync(used, "new", "uses-it", "--seed", "AcmeExt-demo")).Succeeded("new");
        (await packaged.RunAsync(used, "new", "other", "--seed", "blank")).Succeeded("new");
        var refused = await packaged.RunAsync(used, "extensions", "remove", "AcmeExt");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("uses-it", refused.Error);
        Assert.Contains(Operation, refused.Error);
        Assert.DoesNotContain("other", refused.Error);
        Assert.True(Directory.Exists(Path.Combine(used, "extensions", "AcmeExt", "1.0.0")));
        Assert.Contains("AcmeExt", File.ReadAllText(Path.Combine(used, "extensions.json")));

        // Only projects that do not use it: remove succeeds and leaves nothing.
        var unused = packaged.NewDataDirectory();
        (await packaged.RunAsync(unused, "extensions", "add", packaged.ExtensionFeed)).Succeeded("extensions add <folder holding the .nupkg>");
        (await packaged.RunAsync(unused, "new", "other", "--seed", "blank")).Succeeded("new");
        var removed = (await packaged.RunAsync(unused, "extensions", "remove", "AcmeExt")).Succeeded("extensions remove");
        Assert.Contains("Removed AcmeExt 1.0.0", removed.Output);
        Assert.False(Directory.Exists(Path.Combine(unused, "extensions", "AcmeExt")));
        Assert.DoesNotContain("AcmeExt", File.ReadAllText(Path.Combine(unused, "extensions.json")));
        Assert.Contains("No extensions installed", (await packaged.RunAsync(unused, "extensions", "list")).Succeeded("list").Output);
    }

    [Fact]
    public async Task An_extension_installs_by_id_from_a_source_and_from_its_build_output()
    {
        var byId = packaged.NewDataDirectory();
        (await packaged.RunAsync(byId, "extensions", "add", "AcmeExt@1.0.0", "--source", packaged.ExtensionFeed)).Succeeded("extensions add AcmeExt@1.0.0");
        Assert.True(File.Exists(Path.Combine(byId, "extensions", "AcmeExt", "1.0.0", "lib", "net10.0", "AcmeExt.dll")));

        var fromBuild = packaged.NewDataDirectory();
        (await packaged.RunAsync(fromBuild, "extensions", "add", packaged.ExtensionBuildOutput)).Succeeded("extensions add <build output>");
        Assert.True(File.Exists(Path.Combine(fromBuild, "extensions", "AcmeExt", "1.0.0", "lib", "net10.0", "AcmeExt.dll")));
        (await packaged.RunAsync(fromBuild, "new", "p", "--seed", "AcmeExt-demo")).Succeeded("new from the build output's seed");
    }
}

/// <summary>Dependencies of an extension: its own are copied beside it, the host's are not.</summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s)
public sealed class ExtensionDependencyTests(PackagedDeepForge packaged)
{
    [Fact]
    public async Task An_extensions_dependencies_come_from_the_sources_except_those_the_host_ships()
    {
        var feed = Path.Combine(packaged.Root, "dependency-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(feed);
        var plain = typeof(NuGet.Versioning.NuGetVersion).Assembly.Location;
        packaged.MakePackage("Helper.Lib", "netstandard2.0", plain, [], feed);
        packaged.MakePackage("WithHelper.Ext", "net10.0", Path.Combine(packaged.ExtensionBuildOutput, "AcmeExt.dll"),
            [new NuGet.Packaging.Core.PackageDependency("Helper.Lib", NuGet.Versioning.VersionRange.Parse("1.0.0")),
             new NuGet.Packaging.Core.PackageDependency("TorchSharp", NuGet.Versioning.VersionRange.Parse("0.107.0")),
             new NuGet.Packaging.Core.PackageDependency("DeepForge.Core", NuGet.Versioning.VersionRange.Parse(PackagedDeepForge.Version))], feed);

        var data = packaged.NewDataDirectory();
        var add = (await packaged.RunAsync(data, "extensions", "add", "WithHelper.Ext", "--source", feed)).Succeeded("extensions add WithHelper.Ext");
        Assert.Contains("Helper.Lib 1.0.0", add.Output);
        var lib = Path.Combine(data, "extensions", "WithHelper.Ext", "1.0.0", "lib", "net10.0");
        Assert.True(File.Exists(Path.Combine(lib, "WithHelper.Ext.dll")));
        Assert.True(File.Exists(Path.Combine(lib, "Helper.Lib.dll")));
        Assert.False(File.Exists(Path.Combine(lib, "TorchSharp.dll")));
        Assert.Contains("Helper.Lib/1.0.0", File.ReadAllText(Path.Combine(data, "extensions.json")));
    }
}
