namespace DeepForge.Packaging.Tests;

/// <summary>The packages and the tool, as a user gets them from the local feed.</summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s)
public sealed class ToolTests(PackagedDeepForge packaged)
{
    [Fact]
    public async Task The_tool_installs_from_the_local_feed_and_prints_its_version()
    {
        Assert.True(File.Exists(packaged.Deepforge), packaged.ToolInstall.All);
        var version = (await packaged.RunAsync(packaged.NewDataDirectory(), "--version")).Succeeded("deepforge --version");
        Assert.StartsWith(PackagedDeepForge.Version, version.Output.Trim());
    }

    [Fact]
    public void Every_package_has_a_description_authors_a_license_and_a_readme()
    {
        foreach (var id in new[] { "DeepForge.Core", "DeepForge.Compilation", "DeepForge.Torch", "DeepForge.Templates", "deepforge" })
        {
            using var reader = new NuGet.Packaging.PackageArchiveReader(Path.Combine(packaged.Feed, $"{id}.{PackagedDeepForge.Version}.nupkg"));
            var nuspec = reader.NuspecReader;
            Assert.False(string.IsNullOrWhiteSpace(nuspec.GetDescription()), id);
            Assert.False(string.IsNullOrWhiteSpace(nuspec.GetAuthors()), id);
            Assert.Equal("Apache-2.0", nuspec.GetLicenseMetadata()?.License);
            Assert.Equal("README.md", nuspec.GetReadme());
            Assert.Contains("README.md", reader.GetFiles());
        }
    }

    [Fact]
    public void The_tool_package_leaves_the_benchmarks_out()
    {
        using var reader = new NuGet.Packaging.PackageArchiveReader(Path.Combine(packaged.Feed, $"deepforge.{PackagedDeepForge.Version}.nupkg"));

        Assert.Contains(reader.GetFiles(), f => f.EndsWith("/deepforge.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(reader.GetFiles(), f => f.Contains("DeepForge.Benchmarks", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("designer-assets/_framework/blazor.web.js")]
    [InlineData("designer-assets/_content/Z.Blazor.Diagrams/script.min.js")]
    [InlineData("designer-assets/_content/Radzen.Blazor/Radzen.Blazor.js")]
    [InlineData("designer-assets/_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js")]
    [InlineData("designer-assets/_content/DeepForge.Designer/designer.css")]
    [InlineData("designer-assets/_content/DeepForge.Designer/codeeditor.js")]
    public void The_tool_package_carries_the_designers_browser_files(string file)
    {
        // Packing publishes, and publishing once dropped every file but blazor.web.js: the designer opened without its diagrams.
        using var reader = new NuGet.Packaging.PackageArchiveReader(Path.Combine(packaged.Feed, $"deepforge.{PackagedDeepForge.Version}.nupkg"));

        Assert.Contains(reader.GetFiles(), f => f.EndsWith("/" + file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bench_in_the_installed_tool_says_in_one_line_that_the_benchmarks_are_not_installed()
    {
        var result = await packaged.RunAsync(packaged.NewDataDirectory(), "bench", "engine", "--json");

        Assert.True(result.ExitCode == 1, result.All);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("DeepForge.Benchmarks.dll", line);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task A_seed_pipeline_runs_with_the_installed_tool()
    {
        var data = packaged.NewDataDirectory();
        (await packaged.RunAsync(data, "new", "b", "--seed", "blank")).Succeeded("deepforge new --seed blank");
        var projects = (await packaged.RunAsync(data, "projects", "--json")).Succeeded("deepforge projects");
        Assert.Contains("\"b\"", projects.Output);
    }
}
