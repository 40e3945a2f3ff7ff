using DeepForge.Data;
using DeepForge.Torch.Data;
using DeepForge.Torch.Images;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Images;

public sealed class ImageFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ImageFolderTests() => TorchNative.EnsureLoaded();

    private (ImageDataset Training, ImageDataset Test) Read(ImageFolder operation, string input) =>
        operation.Execute(JobContext.In(_temp["job"]), new DataFile(input));

    [Fact]
    public void Execute_KeepsTheTestFractionOfEachClassForTesting()
    {
        var folder = ImageFiles.Folder(_temp["images"], 10, 10, 10);

        var (training, test) = Read(new ImageFolder(testFraction: 0.2), folder);

        using (training)
        using (test)
        {
            Assert.Equal(24, training.Count);
            Assert.Equal([2L, 2L, 2L], test.Labels.bincount(null).data<long>().ToArray());
        }
    }

    [Fact]
    public void Execute_NamesTheClassesAfterTheFoldersSorted()
    {
        ImageFiles.Write(_temp["images/zebra/1.png"], ImageFiles.Colours[0], 8, 8);
        ImageFiles.Write(_temp["images/ant/1.png"], ImageFiles.Colours[1], 8, 8);
        ImageFiles.Write(_temp["images/mole/1.jpg"], ImageFiles.Colours[2], 8, 8);

        var (training, test) = Read(new ImageFolder(testFraction: 0), _temp["images"]);

        using (training)
        using (test)
        {
            Assert.Equal(["ant", "mole", "zebra"], training.Classes);
            Assert.Equal(["ant", "mole", "zebra"], test.Classes);
        }
    }

    [Fact]
    public void Execute_LabelsEachImageWithItsFoldersClass()
    {
        var folder = ImageFiles.Folder(_temp["images"], 4, 4, 4);

        var (training, test) = Read(new ImageFolder(testFraction: 0), folder);

        using (training)
        using (test)
            for (var i = 0; i < training.Count; i++)
            {
                // class0 is red, class1 green, class2 blue: the brightest channel of an image is its label.
                using var brightest = training.Images[i].mean([1, 2]).argmax();
                Assert.Equal(training.Labels[i].item<long>(), brightest.item<long>());
            }
    }

    [Fact]
    public void Execute_ResizesImagesOfMixedSizesToTheGivenSize()
    {
        var folder = ImageFiles.Folder(_temp["images"], 5, 5);

        var (training, test) = Read(new ImageFolder(width: 12, height: 10, testFraction: 0), folder);

        using (training)
        using (test)
            Assert.Equal([10L, 3, 10, 12], training.Images.shape);
    }

    [Fact]
    public void Execute_WithOneChannel_GivesGreyImages()
    {
        var folder = ImageFiles.Folder(_temp["images"], 2, 2);

        var (training, test) = Read(new ImageFolder(width: 6, height: 6, channels: 1, testFraction: 0), folder);

        using (training)
        using (test)
        {
            Assert.Equal([4L, 1, 6, 6], training.Images.shape);
            using var red = training.Images[training.Labels.argmin()].mean();
            Assert.InRange(red.item<float>(), 0.27f, 0.33f); // 0.299 of full red
        }
    }

    [Fact]
    public void Execute_WithTheSameSeed_GivesTheSameSplit()
    {
        var folder = ImageFiles.Folder(_temp["images"], 6, 6);

        var (first, firstTest) = Read(new ImageFolder(seed: 7, testFraction: 0.5), folder);
        var (second, secondTest) = Read(new ImageFolder(seed: 7, testFraction: 0.5), folder);

        using (first) using (firstTest) using (second) using (secondTest)
            Assert.Equal(first.Images.data<float>().ToArray(), second.Images.data<float>().ToArray());
    }

    [Fact]
    public void Execute_ReadsAZipWhoseEntriesLieUnderOneTopFolder()
    {
        var folder = ImageFiles.Folder(_temp["images"], 3, 3);
        var zip = _temp["images.zip"];
        System.IO.Compression.ZipFile.CreateFromDirectory(folder, zip, System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);

        var (training, test) = Read(new ImageFolder(testFraction: 0), zip);

        using (training)
        using (test)
        {
            Assert.Equal(["class0", "class1"], training.Classes);
            Assert.Equal(6, training.Count);
        }
    }

    [Fact]
    public void Execute_ReadsATarGzIntoTheJobsFolderOnly()
    {
        var archive = ImageFiles.TarGz(ImageFiles.Folder(_temp["images"], 3, 4), _temp["images.tar.gz"]);

        var (training, test) = Read(new ImageFolder(testFraction: 0.25), archive);

        using (training)
        using (test)
        {
            Assert.Equal(7, training.Count + test.Count);
            Assert.Equal(["images", "images.tar.gz", "job"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order());
        }
    }

    public void Dispose() => _temp.Dispose();
}
