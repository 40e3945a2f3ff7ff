using System.Formats.Tar;
using DeepForge.Data;
using DeepForge.Torch.Images;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Tests.Images;

/// <summary>Hostile or careless input to ImageFolder: each refused with one line naming what is wrong, nothing written outside the job's folder.</summary>
public sealed class ImageFolderRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ImageFolderRefusalTests() => TorchNative.EnsureLoaded();

    private string Refusal(string input, ImageFolder? operation = null)
    {
        var e = Assert.Throws<DeepForgeException>(() => (operation ?? new ImageFolder()).Execute(JobContext.In(_temp["job"]), new DataFile(input)));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    private byte[] Red => ImageFiles.Png(ImageFiles.Colours[0], 8, 8);

    [Fact]
    public void Zip_WithAnEntryClimbingOutOfTheArchive_IsRefused()
    {
        var zip = ImageFiles.Zip(_temp["slip.zip"], ("a/1.png", Red), ("b/1.png", Red), ("../../evil/1.png", Red));

        Assert.Contains("'../../evil/1.png' points outside the archive", Refusal(zip));
    }

    [Fact]
    public void TarGz_WithAnEntryClimbingOutOfTheArchive_IsRefusedAndWritesNothingOutsideTheJob()
    {
        var tar = ImageFiles.TarGz(_temp["slip.tar.gz"], ImageFiles.TarFileEntry("a/1.png", Red), ImageFiles.TarFileEntry("../evil.png", Red));

        Assert.Contains("'../evil.png' points outside the archive", Refusal(tar));
        Assert.False(File.Exists(_temp["evil.png"]));
    }

    [Fact]
    public void TarGz_WithAnAbsolutePath_IsRefused()
    {
        var target = _temp["absolute/evil.png"];
        var tar = ImageFiles.TarGz(_temp["absolute.tar.gz"], ImageFiles.TarFileEntry("a/1.png", Red), ImageFiles.TarFileEntry(target, Red));

        Assert.Contains("points outside the archive", Refusal(tar));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void TarGz_WithALink_IsRefused()
    {
        var tar = ImageFiles.TarGz(_temp["link.tar.gz"], ImageFiles.TarFileEntry("a/1.png", Red), new PaxTarEntry(TarEntryType.SymbolicLink, "b/1.png") { LinkName = "/etc/passwd" });

        Assert.Contains("'b/1.png' is a link", Refusal(tar));
    }

    [Fact]
    public void AFileThatIsNoImage_IsRefusedByName()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);
        File.WriteAllText(Path.Combine(folder, "class1", "notes.txt"), "not a picture");

        Assert.Contains("'class1/notes.txt' is not a PNG or JPEG image", Refusal(folder));
    }

    [Fact]
    public void AnImageFileWithBrokenBytes_IsRefusedByName()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);
        File.WriteAllText(Path.Combine(folder, "class0", "broken.png"), "not a picture");

        Assert.Contains("'class0/broken.png' is not a PNG or JPEG image", Refusal(folder));
    }

    [Fact]
    public void AnEmptyClassFolder_IsRefusedByName()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);
        Directory.CreateDirectory(Path.Combine(folder, "class2"));

        Assert.Contains("class folder 'class2'", Refusal(folder));
    }

    [Fact]
    public void OneClassOnly_IsRefused()
    {
        var folder = ImageFiles.Folder(_temp["images"], 5);

        Assert.Contains("needs at least two", Refusal(folder));
    }

    [Fact]
    public void AnImageOutsideAnyClassFolder_IsRefusedByName()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);
        ImageFiles.Write(Path.Combine(folder, "loose.png"), ImageFiles.Colours[0], 8, 8);

        Assert.Contains("'loose.png' lies outside any class folder", Refusal(folder));
    }

    [Fact]
    public void AnImageOfMorePixelsThanAllowed_IsRefusedBeforeDecoding()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);

        Assert.Contains("more than the 50 allowed", Refusal(folder, new ImageFolder(maxPixels: 50)));
    }

    [Fact]
    public void TwoChannels_AreRefused()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);

        Assert.Contains("channels is 2", Refusal(folder, new ImageFolder(channels: 2)));
    }

    [Fact]
    public void AFileThatIsNoArchive_IsRefused()
    {
        var file = _temp["notes.txt"];
        File.WriteAllText(file, "no archive");

        Assert.Contains("neither a folder nor a .zip, .tar or .tar.gz archive", Refusal(file));
    }

    [Fact]
    public void ADamagedArchive_IsRefused()
    {
        var zip = ImageFiles.Zip(ImageFiles.Folder(_temp["images"], 2, 2), _temp["images.zip"]);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        Assert.Contains("is a damaged zip archive", Refusal(zip));
    }

    [Fact]
    public void NoInputAndNoPath_IsRefused()
    {
        var e = Assert.Throws<DeepForgeException>(() => new ImageFolder().Execute(JobContext.In(_temp["job"])));

        Assert.Contains("connect the images input", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
