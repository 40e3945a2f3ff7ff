using System.IO.Compression;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>
/// Extension ids and packages can name nothing outside the extensions folder: ids that are paths are refused before anything
/// is written, removal touches nothing outside, and a package with one entry that escapes is refused whole.
/// </summary>
public sealed class ExtensionSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public ExtensionSafetyTests() => _cli = new Cli(_temp["data"]);

    [Theory]
    [InlineData("../../x")]
    [InlineData("Acme.Ops@../../x")]
    public void Add_OfAnIdThatIsAPath_IsRefusedAndWritesNothing(string spec)
    {
        OneLineError.Assert(_cli.Run("extensions", "add", spec), 2, "not a package");

        Assert.False(Directory.Exists(_cli.DataDirectory) && Directory.EnumerateFileSystemEntries(_cli.DataDirectory).Any(e => Path.GetFileName(e).StartsWith("extension")));
    }

    [Fact]
    public void Remove_OfARelativePath_IsRefusedAndRemovesNothingOutside()
    {
        var victim = Directory.CreateDirectory(_temp["x"]).FullName;
        File.WriteAllText(Path.Combine(victim, "keep.txt"), "keep");

        OneLineError.Assert(_cli.Run("extensions", "remove", "../x"), 2, "'../x' is not a package id");

        Assert.True(File.Exists(Path.Combine(victim, "keep.txt")));
    }

    [Fact]
    public void Remove_OfAnAbsolutePath_IsRefusedAndRemovesNothing()
    {
        var victim = Directory.CreateDirectory(_temp["victim"]).FullName;
        File.WriteAllText(Path.Combine(victim, "keep.txt"), "keep");

        OneLineError.Assert(_cli.Run("extensions", "remove", victim), 2, "is not a package id");

        Assert.True(File.Exists(Path.Combine(victim, "keep.txt")));
    }

    [Fact]
    public void Add_OfAPackageWithAnEntryOutsideItsFolder_IsRefusedWholeAndWritesNothing()
    {
        var package = _temp["Evil.Ext.1.0.0.nupkg"];
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Create))
        {
            Write(zip, "Evil.Ext.nuspec", """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>Evil.Ext</id><version>1.0.0</version><authors>tests</authors><description>escapes</description></metadata>
                </package>
                """);
            Write(zip, "lib/net10.0/Evil.Ext.dll", "not really an assembly");
            Write(zip, "../evil.dll", "written outside");
            Write(zip, "lib/net10.0/../../../../evil2.dll", "written further outside");
        }

        OneLineError.Assert(_cli.Run("extensions", "add", package), 2, "../evil.dll");

        Assert.False(Directory.Exists(Path.Combine(_cli.DataDirectory, "extensions")));
        Assert.False(File.Exists(Path.Combine(_cli.DataDirectory, "extensions.json")));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(_cli.DataDirectory)!, "evil*.dll", SearchOption.AllDirectories));
    }

    public void Dispose() => _temp.Dispose();

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
