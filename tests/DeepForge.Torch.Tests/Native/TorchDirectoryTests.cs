using System.Xml.Linq;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Tests.Native;

/// <summary>torch.dir: which folders are taken as a libtorch build, and the one line a wrong one gets.</summary>
public sealed class TorchDirectoryTests : IDisposable
{
    private readonly string _folder = NativeFiles.NewScratchFolder();

    [Fact]
    public void Resolve_OfAFolderThatDoesNotExist_IsRefusedNamingTorchDir()
    {
        var missing = Path.Combine(_folder, "nowhere");

        var error = Assert.Throws<DeepForgeException>(() => TorchDirectory.Resolve(missing, "2.10.0"));

        Assert.Equal("torch.dir", Assert.Single(error.Problems).Location);
        Assert.Contains($"{missing}, which is not a folder", error.Message);
    }

    [Fact]
    public void Resolve_OfAFolderWithoutLibtorch_IsRefusedSayingWhatIsMissing()
    {
        var error = Assert.Throws<DeepForgeException>(() => TorchDirectory.Resolve(_folder, "2.10.0"));

        Assert.Contains("holds no libtorch.so", error.Message);
    }

    [Fact]
    public void Resolve_OfAnIncompleteBuild_IsRefusedNamingTheMissingLibrary()
    {
        Library("lib", "libtorch.so", "libc10.so");

        var error = Assert.Throws<DeepForgeException>(() => TorchDirectory.Resolve(_folder, "2.10.0"));

        Assert.Contains("not libtorch_cpu.so", error.Message);
    }

    [Fact]
    public void Resolve_OfABuildOfAnotherVersion_IsRefusedNamingBothVersions()
    {
        Library("lib", "libtorch.so", "libc10.so", "libtorch_cpu.so");
        File.WriteAllText(Path.Combine(_folder, "build-version"), "2.9.1+cu126\n");

        var error = Assert.Throws<DeepForgeException>(() => TorchDirectory.Resolve(_folder, "2.10.0"));

        Assert.Contains("is libtorch 2.9.1+cu126", error.Message);
        Assert.Contains("needs libtorch 2.10.0", error.Message);
    }

    [Fact]
    public void Resolve_OfPyTorchsLayout_FindsTheLibFolderAndTheBuildVersion()
    {
        Library("lib", "libtorch.so", "libc10.so", "libtorch_cpu.so", "libtorch_cuda.so");
        File.WriteAllText(Path.Combine(_folder, "build-version"), "2.10.0+cu128\n");

        var directory = TorchDirectory.Resolve(_folder, "2.10.0");

        Assert.Equal(Path.Combine(_folder, "lib"), directory.LibraryFolder);
        Assert.Equal("2.10.0+cu128", directory.BuildVersion);
        // libtorch.so links the others: it comes last, the CUDA library before it.
        Assert.Equal(["libc10.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"], directory.LibraryPaths.Select(p => Path.GetFileName(p)).ToArray());
    }

    [Fact]
    public void Resolve_OfTheLibraryFolderItself_IsTakenWithoutAVersionToCheck()
    {
        Library("", "libtorch.so", "libc10.so", "libtorch_cpu.so");

        var directory = TorchDirectory.Resolve(_folder, "2.10.0");

        Assert.Equal(_folder, directory.LibraryFolder);
        Assert.Null(directory.BuildVersion);
    }

    [Fact]
    public void LibTorchVersion_IsTheVersionOfTheLibtorchPackageReferenced()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Packages.props"));
        var referenced = props.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "libtorch-cpu-linux-x64");

        Assert.Equal(TorchNative.LibTorchVersion, (string?)referenced.Attribute("Version"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Library(string subfolder, params string[] names)
    {
        var folder = Path.Combine(_folder, subfolder);
        Directory.CreateDirectory(folder);
        foreach (var name in names) File.WriteAllText(Path.Combine(folder, name), "not really a library");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DeepForge.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no DeepForge.sln above {AppContext.BaseDirectory}");
    }
}
