namespace DeepForge.Torch.Native;

/// <summary>
/// The <c>torch.dir</c> setting: a libtorch build of the version TorchSharp was built against (for example the CUDA
/// one) to load instead of the bundled CPU build. It reaches every process of the command, workers' job processes
/// included, as the environment variable <see cref="EnvironmentVariable"/>.
/// </summary>
internal sealed record TorchDirectory(string Configured, string LibraryFolder, string? BuildVersion)
{
    public const string EnvironmentVariable = "DEEPFORGE_TORCH_DIR";
    public const string Setting = "torch.dir";

    // The libraries TorchSharp's native library needs, in the order each needs the ones before it; the CUDA ones
    // exist only in a CUDA build, and libtorch.so links them, so they go before it when present.
    private static readonly string[] Libraries = ["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"];

    /// <summary>The libraries of this build to load by full path, in order.</summary>
    public IEnumerable<string> LibraryPaths =>
        Libraries.Select(name => Path.Combine(LibraryFolder, name)).Where(File.Exists);

    /// <summary>The folder the environment names, checked; null when none is named (the bundled build is used).</summary>
    public static TorchDirectory? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? Resolve(path, TorchNative.LibTorchVersion) : null;

    /// <summary>
    /// Checks a folder given as torch.dir: either libtorch's own folder (with <c>lib/</c> and <c>build-version</c>, as
    /// PyTorch ships it) or the folder holding the libraries. A build whose <c>build-version</c> names another version
    /// is refused before anything is loaded: its symbols would not match TorchSharp's.
    /// </summary>
    public static TorchDirectory Resolve(string path, string expectedVersion)
    {
        var folder = Path.GetFullPath(path);
        if (!Directory.Exists(folder))
            throw Problem($"{Setting} is {folder}, which is not a folder: point it at a libtorch {expectedVersion} build (the folder holding lib/libtorch.so), or unset it to use the bundled CPU build");
        var library = new[] { Path.Combine(folder, "lib"), folder }.FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch.so")))
            ?? throw Problem($"{Setting} is {folder}, which holds no libtorch.so (looked in it and in its lib folder): point it at a libtorch {expectedVersion} build");
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so" })
        {
            if (!File.Exists(Path.Combine(library, name)))
                throw Problem($"{Setting}: {library} has libtorch.so but not {name}, so it is no complete libtorch build: point it at a libtorch {expectedVersion} build");
        }
        var version = ReadBuildVersion(folder, library);
        if (version != null && NumberOf(version) != expectedVersion)
            throw Problem($"{Setting}: {folder} is libtorch {version}, but this DeepForge's TorchSharp needs libtorch {expectedVersion}: point it at a {expectedVersion} build (CPU or CUDA)");
        return new TorchDirectory(folder, library, version);
    }

    // PyTorch's libtorch archives carry build-version ("2.10.0+cu128") beside lib/.
    private static string? ReadBuildVersion(string folder, string library)
    {
        foreach (var candidate in new[] { folder, Path.GetDirectoryName(library)! }.Distinct(StringComparer.Ordinal))
        {
            var file = Path.Combine(candidate, "build-version");
            if (File.Exists(file)) return File.ReadAllText(file).Trim();
        }
        return null;
    }

    private static string NumberOf(string version) => version.Split('+', 2)[0].Trim();

    private static DeepForgeException Problem(string message) => new(Setting, message);
}
