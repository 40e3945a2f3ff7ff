using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Devices;

/// <summary>
/// torch.dir points the command at another libtorch build of the same version. This machine has no GPU, so the other
/// build is the bundled CPU one copied elsewhere, laid out as PyTorch ships libtorch (lib/ and build-version).
/// </summary>
public sealed class TorchDirTests : IDisposable
{
    // What TorchSharp's library needs of a libtorch build; the rest of the folder (Python bindings, test backends) it does not.
    private static readonly string[] Needed = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public TorchDirTests() => _cli = new Cli(_temp["data"]);

    [FashionMnistFact]
    public void TrainingPipeline_WithTorchDirOnARelocatedBuild_RunsWithLibtorchMappedFromThatFolder()
    {
        var relocated = Relocate(_temp["libtorch"], "2.10.0+cpu");
        CliAssert.Succeeded(_cli.Run("config", "torch.dir", relocated));
        var seed = new SeedFolder(_temp["seed"]).WithOperations("LibTorchProbe.cs", ProbeSource).WithPipeline(new PipelineJson("probe").Operation("p", "LibTorchProbe"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Seeds, "fashion-mnist"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(seed.Path, Path.GetRelativePath(Path.Combine(Repository.Seeds, "fashion-mnist"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Path.GetFileName(file) != "seed.json") File.Copy(file, target);
        }
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", seed.Path));

        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=500", "--set", "download.testLimit=100"));
        var train = CliAssert.Succeeded(_cli.Run("run", "fm", "train", "--set", "train.epochs=1"));
        var probe = CliAssert.Succeeded(_cli.Run("run", "fm", "probe"));

        Assert.Contains(" on cpu for 1 epochs", train.Stdout);
        Assert.Contains($"libtorch_cpu.so mapped from [{Path.Combine(relocated, "lib")}]", probe.Stdout);
        Assert.Equal(Path.Combine(relocated, "lib"), DoctorTests.Report(_cli).GetProperty("libTorch").GetProperty("folder").GetString());
    }

    [Fact]
    public void Doctor_WithTorchDirFromTheEnvironment_ReportsTheBuildVersionAndFolderOfThatBuild()
    {
        var relocated = Relocate(_temp["libtorch"], "2.10.0+cpu");
        _cli.Environment["DEEPFORGE_TORCH_DIR"] = relocated;

        var libTorch = DoctorTests.Report(_cli).GetProperty("libTorch");

        Assert.Equal("2.10.0+cpu", libTorch.GetProperty("version").GetString());
        Assert.Equal(relocated, libTorch.GetProperty("torchDirectory").GetString());
        Assert.Equal(Path.Combine(relocated, "lib"), libTorch.GetProperty("folder").GetString());
    }

    [Fact]
    public void TorchDir_OfAFolderWithoutLibtorch_IsRefusedInOneLineAndTheSettingStaysToBeFixed()
    {
        Directory.CreateDirectory(_temp["empty"]);
        CliAssert.Succeeded(_cli.Run("config", "torch.dir", _temp["empty"]));

        OneLineError.Assert(_cli.Run("doctor"), 2, "holds no libtorch.so");
        OneLineError.Assert(_cli.Run("projects"), 2, "torch.dir");

        Assert.Contains(_temp["empty"], CliAssert.Succeeded(_cli.Run("config", "torch.dir")).Stdout);
    }

    [Fact]
    public void TorchDir_OfAnotherLibtorchVersion_IsRefusedInOneLineNamingBothVersions()
    {
        var other = Relocate(_temp["libtorch-2.9"], "2.9.1+cpu");
        CliAssert.Succeeded(_cli.Run("config", "torch.dir", other));

        var line = OneLineError.Assert(_cli.Run("doctor"), 2, "2.9.1+cpu");

        Assert.Contains("needs libtorch 2.10.0", line);
    }

    public void Dispose() => _temp.Dispose();

    // A copy of the bundled build (found through doctor, so it is the one the command really loads) in PyTorch's layout.
    private string Relocate(string folder, string buildVersion)
    {
        var bundled = DoctorTests.Report(new Cli(_temp["probe-data"])).GetProperty("libTorch").GetProperty("folder").GetString()!;
        var lib = Path.Combine(folder, "lib");
        Directory.CreateDirectory(lib);
        foreach (var file in Directory.EnumerateFiles(bundled).Where(f => Needed.Contains(Path.GetFileName(f)) || Path.GetFileName(f).StartsWith("libgomp", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "build-version"), buildVersion + "\n");
        return folder;
    }

    private const string ProbeSource = """
        /// <summary>Prints the folders this job's process mapped libtorch_cpu.so from, and its device.</summary>
        [Operation(Category = "Test")]
        public sealed class LibTorchProbe : Operation
        {
            [return: Output("folders")]
            public string Execute(OperationContext context)
            {
                var folders = File.ReadLines("/proc/self/maps").Where(l => l.EndsWith("/libtorch_cpu.so"))
                    .Select(l => Path.GetDirectoryName(l.Substring(l.IndexOf('/')))).Distinct().ToList();
                Console.WriteLine($"libtorch_cpu.so mapped from [{string.Join(", ", folders)}] on {context.Device}");
                return string.Join(",", folders);
            }
        }
        """;
}
