using System.Text.Json;

namespace DeepForge.Packaging.Tests;

/// <summary><c>deepforge update</c> moves installed extensions to the newest version in the sources; <c>deepforge uninstall</c> says what it removes and removes it only when told.</summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s), and packs a second version of the extension
public sealed class UpdateUninstallTests(PackagedDeepForge packaged)
{
    [Fact]
    public async Task Update_moves_an_extension_to_the_newest_version_and_says_so()
    {
        var feed = await TwoVersionFeedAsync();
        var data = packaged.NewDataDirectory();
        (await packaged.RunAsync(data, "extensions", "add", "AcmeExt@1.0.0", "--source", feed)).Succeeded("extensions add AcmeExt@1.0.0");

        var update = (await packaged.RunAsync(data, "update", "--extensions-only", "--source", feed)).Succeeded("update --extensions-only");
        Assert.Contains("Updated AcmeExt 1.0.0 -> 1.1.0", update.Output);
        Assert.DoesNotContain("dotnet tool", update.Output);
        Assert.Equal("1.1.0", InstalledVersion(data));
        Assert.True(File.Exists(Path.Combine(data, "extensions", "AcmeExt", "1.1.0", "lib", "net10.0", "AcmeExt.dll")));
        Assert.False(Directory.Exists(Path.Combine(data, "extensions", "AcmeExt", "1.0.0")));

        // The newest already: nothing changes.
        var again = (await packaged.RunAsync(data, "update", "--extensions-only", "--source", feed)).Succeeded("update --extensions-only again");
        Assert.Contains("AcmeExt 1.1.0 is the newest version", again.Output);
        Assert.Equal("1.1.0", InstalledVersion(data));

        // The updated extension still runs.
        (await packaged.RunAsync(data, "new", "p", "--seed", "AcmeExt-demo")).Succeeded("new --seed AcmeExt-demo");
        Assert.Contains("Hello from AcmeExt: 1, 2, 3", (await packaged.RunAsync(data, "run", "p", "demo")).Succeeded("run p demo").All);
    }

    [Fact]
    public async Task Update_of_an_extension_no_source_has_fails_and_leaves_it_installed()
    {
        var data = packaged.NewDataDirectory();
        (await packaged.RunAsync(data, "extensions", "add", packaged.ExtensionBuildOutput)).Succeeded("extensions add <build output>");
        var empty = Path.Combine(packaged.Root, "empty-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(empty);
        var update = await packaged.RunAsync(data, "update", "--extensions-only", "--source", empty);
        Assert.Equal(1, update.ExitCode);
        Assert.Contains("AcmeExt 1.0.0: not updated", update.Error);
        Assert.Equal("1.0.0", InstalledVersion(data));
        Assert.True(File.Exists(Path.Combine(data, "extensions", "AcmeExt", "1.0.0", "lib", "net10.0", "AcmeExt.dll")));
    }

    [Fact]
    public async Task Uninstall_says_what_it_removes_and_removes_it_only_with_yes()
    {
        var data = packaged.NewDataDirectory();
        (await packaged.RunAsync(data, "extensions", "add", packaged.ExtensionPackage)).Succeeded("extensions add");
        (await packaged.RunAsync(data, "new", "p", "--seed", "blank")).Succeeded("new --seed blank");

        // Not interactive and no --yes: it says what it would remove, and removes nothing.
        var refused = await packaged.RunAsync(data, "uninstall");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(Path.GetFullPath(data), refused.Output);
        Assert.Contains("database", refused.Output);
        Assert.Contains("AcmeExt 1.0.0", refused.Output);
        Assert.Contains($"dotnet tool uninstall --tool-path {packaged.ToolPath} deepforge", refused.Output);
        Assert.Contains("Nothing was removed", refused.Error);
        Assert.True(File.Exists(Path.Combine(data, "deepforge.db")));
        Assert.True(File.Exists(Path.Combine(data, "extensions.json")));

        // --yes (and --data-only: the tool is shared by the other tests) removes the data folder.
        var removed = (await packaged.RunAsync(data, "uninstall", "--yes", "--data-only")).Succeeded("uninstall --yes --data-only");
        Assert.Contains($"Removed {Path.GetFullPath(data)}", removed.Output);
        Assert.DoesNotContain("dotnet tool uninstall", removed.Output);
        Assert.False(Directory.Exists(data));
        Assert.True(File.Exists(packaged.Deepforge));
    }

    private static string InstalledVersion(string data)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "extensions.json")));
        return Assert.Single(json.RootElement.GetProperty("extensions").EnumerateArray()).GetProperty("version").GetString()!;
    }

    // A feed with AcmeExt 1.0.0 (the fixture's) and 1.1.0 (a copy of the template project packed with -p:Version=1.1.0).
    private async Task<string> TwoVersionFeedAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var feed = Path.Combine(packaged.Root, "two-versions-" + suffix);
        Directory.CreateDirectory(feed);
        File.Copy(packaged.ExtensionPackage, Path.Combine(feed, Path.GetFileName(packaged.ExtensionPackage)));
        var project = Path.Combine(packaged.Root, "AcmeExt-1.1-" + suffix, PackagedDeepForge.ExtensionId);
        Copy(packaged.ExtensionProject, project);
        (await Processes.DotnetAsync(project, "pack", "-c", "Release", "-o", feed, "-nologo", "-p:Version=1.1.0", $"-p:RestoreAdditionalProjectSources={packaged.Feed}"))
            .Succeeded("dotnet pack of the extension as 1.1.0");
        Assert.True(File.Exists(Path.Combine(feed, "AcmeExt.1.1.0.nupkg")), "the 1.1.0 package was not made");
        return feed;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
