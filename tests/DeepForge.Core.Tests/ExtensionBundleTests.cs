using System.IO.Compression;
using DeepForge.Extensions;

namespace DeepForge.Core.Tests;

/// <summary>A worker unpacks the extension bundles a server hands it; a bundle with one entry outside its folder is refused whole.</summary>
public sealed class ExtensionBundleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "deepforge-bundles-" + Guid.NewGuid().ToString("n"));

    public ExtensionBundleTests() => Directory.CreateDirectory(_root);

    [Theory]
    [InlineData("../evil.dll")]
    [InlineData("sub/../../evil.dll")]
    [InlineData("/tmp/evil.dll")]
    public void Unpack_OfABundleWithAnEntryOutsideItsFolder_IsRefusedAndWritesNothing(string entry)
    {
        var zip = Bundle(("Good.dll", "fine"), (entry, "escapes"));
        var cache = Path.Combine(_root, "cache");
        var folder = Path.Combine(cache, "extensions", "Acme", "1.0.0");

        var error = Assert.Throws<DeepForgeException>(() => ExtensionBundles.Unpack(zip, "hash", folder));

        Assert.Contains(entry, error.Message);
        Assert.False(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFiles(_root, "*.dll", SearchOption.AllDirectories));
        Assert.False(File.Exists("/tmp/evil.dll") && File.ReadAllText("/tmp/evil.dll") == "escapes");
    }

    [Fact]
    public void Unpack_OfAPlainBundle_WritesItsFilesIntoTheFolder()
    {
        var zip = Bundle(("Good.dll", "fine"), ("seeds/demo/seed.json", "{}"));
        var folder = Path.Combine(_root, "cache", "extensions", "Acme", "1.0.0");

        ExtensionBundles.Unpack(zip, "hash", folder);

        Assert.Equal("fine", File.ReadAllText(Path.Combine(folder, "Good.dll")));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(folder, "seeds", "demo", "seed.json")));
        Assert.True(ExtensionBundles.IsUnpacked(folder, "hash"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private string Bundle(params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(_root, Guid.NewGuid().ToString("n") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }
        return path;
    }
}
