using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using TorchSharp;

namespace DeepForge.Torch.Native;

/// <summary>
/// Loads TorchSharp's native library, working around libstdc++ versions older than the one
/// TorchSharp was built against.
/// </summary>
/// <remarks>
/// TorchSharp's <c>libLibTorchSharp.so</c> requires the symbol version <c>GLIBCXX_3.4.32</c>
/// (GCC 13's libstdc++) although the only symbol of that version it references is never called.
/// When the normal load fails, a copy of the library whose requirement on that version is marked
/// weak is created in a per-user cache and loaded instead. Machines with a new enough libstdc++
/// never take that path.
/// </remarks>
public static class TorchNative
{
    internal const string LibraryName = "LibTorchSharp";
    internal const string LibraryFileName = "libLibTorchSharp.so";
    internal const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>The libtorch version TorchSharp 0.107.0 is built against; a torch.dir build must be this one.</summary>
    public const string LibTorchVersion = "2.10.0";

    // libLibTorchSharp.so finds these through RUNPATH $ORIGIN, which points into the cache for the
    // patched copy; loading them by full path first lets the loader match them by SONAME instead.
    // Order matters: each one needs the ones before it.
    private static readonly string[] Dependencies = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    /// <summary>
    /// When true, <c>AddTorch</c> leaves the load to the first use that needs it instead of loading libtorch at once. A worker's job
    /// process sets it: loading costs about a quarter of a second of CPU, and it loads libtorch before a job whose operation uses
    /// TorchSharp. Everything in DeepForge.Torch loads it on use either way.
    /// </summary>
    public static bool LoadLazily { get; set; }

    private static readonly Lock LoadGate = new();
    private static readonly Lock ResolveGate = new();
    private static volatile bool loaded;
    private static bool resolverRegistered;
    private static IntPtr fallbackHandle;
    private static string? patchedPath;
    private static TorchDirectory? torchDirectory;

    /// <summary>
    /// Makes sure TorchSharp's native library is loaded and its CPU backend initialised. Call it
    /// before the first use of TorchSharp; further calls return at once. Thread-safe.
    /// </summary>
    /// <exception cref="DllNotFoundException">
    /// The native library could not be loaded, neither as shipped nor as a patched copy; the
    /// message says what was tried and why it failed.
    /// </exception>
    /// <exception cref="DeepForgeException">
    /// torch.dir (the environment variable <c>DEEPFORGE_TORCH_DIR</c>) names a folder that is no libtorch build of
    /// <see cref="LibTorchVersion"/>, or whose libraries do not load with TorchSharp's.
    /// </exception>
    public static void EnsureLoaded()
    {
        if (loaded)
        {
            return;
        }

        lock (LoadGate)
        {
            if (loaded)
            {
                return;
            }

            RegisterResolver();
            torchDirectory = TorchDirectory.FromEnvironment();
            if (torchDirectory != null)
            {
                LoadTorchDirectory(torchDirectory);
            }

            // Load it ourselves before TorchSharp does: TorchSharp's own loader swallows the
            // error and then falls back to copying libtorch out of the NuGet cache, which ends
            // in a message that hides the real cause.
            try
            {
                NativeLibrary.Load(LibraryName, typeof(torch).Assembly, null);
            }
            catch (DllNotFoundException e) when (torchDirectory != null)
            {
                throw new DeepForgeException(TorchDirectory.Setting,
                    $"{TorchDirectory.Setting}: TorchSharp's {LibraryFileName} does not load with the libtorch in {torchDirectory.LibraryFolder} (is it {LibTorchVersion}?): {OneLine(e.Message)}", e);
            }
            catch (DllNotFoundException e)
            {
                throw new DllNotFoundException(
                    $"TorchSharp's native library {LibraryFileName} could not be loaded: {e.Message}", e);
            }

            torch.InitializeDeviceType(DeviceType.CPU);
            loaded = true;
        }
    }

    /// <summary>What was loaded: libtorch's version and folder, whether torch.dir chose it, and the native-library fix in use.</summary>
    public static LibTorchInfo Describe()
    {
        EnsureLoaded();
        lock (ResolveGate)
        {
            return new LibTorchInfo(torchDirectory?.BuildVersion ?? LibTorchVersion, LoadedFolder() ?? "(unknown)", torchDirectory?.Configured, patchedPath);
        }
    }

    // Libraries of torch.dir go in by full path before TorchSharp's own: the loader then matches its needs by SONAME and
    // never reaches for the bundled ones its RUNPATH points at. TorchSharp itself also loads "torch_cpu" by name, which
    // .NET's probing resolves to a bundled libtorch beside the app: a process must start with torch.dir's libraries on
    // LD_LIBRARY_PATH for that name to find them (the deepforge command starts itself again so; see its TorchRelaunch).
    private static void LoadTorchDirectory(TorchDirectory directory)
    {
        foreach (var path in directory.LibraryPaths)
        {
            try
            {
                NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                throw new DeepForgeException(TorchDirectory.Setting,
                    $"{TorchDirectory.Setting}: {path} does not load ({OneLine(e.Message)}): point it at a complete libtorch {LibTorchVersion} build for this machine", e);
            }
        }
    }

    // The folder the process mapped libtorch_cpu.so from: the proof of which build is in use, whatever asked for it.
    private static string? LoadedFolder()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return null;
        foreach (var line in File.ReadLines(maps))
        {
            var at = line.IndexOf('/', StringComparison.Ordinal);
            if (at >= 0 && line.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal)) return Path.GetDirectoryName(line[at..]);
        }
        return null;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    // True once the patched copy had to be loaded; for tests and diagnostics.
    internal static bool UsedPatchedCopy
    {
        get
        {
            lock (ResolveGate)
            {
                return fallbackHandle != IntPtr.Zero;
            }
        }
    }

    private static void RegisterResolver()
    {
        if (resolverRegistered)
        {
            return;
        }

        // P/Invokes and NativeLibrary.Load(name, assembly, ...) raise the event of the load
        // context that holds the calling assembly, i.e. TorchSharp's, and only after the normal
        // probing failed.
        var context = AssemblyLoadContext.GetLoadContext(typeof(torch).Assembly) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += Resolve;
        resolverRegistered = true;
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        if (!OperatingSystem.IsLinux() || !IsLibTorchSharp(name))
        {
            return IntPtr.Zero;
        }

        lock (ResolveGate)
        {
            if (fallbackHandle == IntPtr.Zero)
            {
                fallbackHandle = LoadFallback(assembly);
            }

            return fallbackHandle;
        }
    }

    private static bool IsLibTorchSharp(string name) =>
        name is LibraryName or LibraryFileName || name == Path.GetFileNameWithoutExtension(LibraryFileName);

    private static IntPtr LoadFallback(Assembly requester)
    {
        var folders = NativeFolders(requester);
        var original = Find(LibraryFileName, folders);
        // torch.dir's libraries are loaded already; loading the bundled ones by path too would map a second libtorch.
        foreach (var dependency in torchDirectory != null ? [] : Dependencies)
        {
            // Prefer the folder the library itself is in: that is what its RUNPATH would pick.
            var path = Find(dependency, [Path.GetDirectoryName(original)!, .. folders]);
            NativeLibrary.Load(path);
        }

        // With its dependencies loaded the shipped library may load as is (for example when
        // libtorch lives in another folder than TorchSharp); only patch when it still fails.
        string originalError;
        try
        {
            return NativeLibrary.Load(original);
        }
        catch (DllNotFoundException e)
        {
            originalError = e.Message;
        }

        string patched;
        try
        {
            patched = PatchedLibraryCache.GetOrCreate(original, MissingVersion);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DllNotFoundException(
                $"{original} failed to load ({originalError}), and a copy whose requirement on {MissingVersion} is weak could not be made: {e.Message}", e);
        }

        try
        {
            var handle = NativeLibrary.Load(patched);
            patchedPath = patched;
            return handle;
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"{original} failed to load ({originalError}), and so did its copy {patched} whose requirement on {MissingVersion} is weak: {e.Message}", e);
        }
    }

    // Where the native files can be: next to TorchSharp.dll or the app (a RID-specific build
    // copies them there), the folders the host probes for native assets (deps.json entries, e.g.
    // NuGet package folders), and the runtimes/<rid>/native folder under each (portable builds).
    private static List<string> NativeFolders(Assembly requester)
    {
        var roots = new List<string>();
        foreach (var location in new[] { requester.Location, typeof(torch).Assembly.Location })
        {
            if (!string.IsNullOrEmpty(location))
            {
                roots.Add(Path.GetDirectoryName(location)!);
            }
        }

        roots.Add(AppContext.BaseDirectory);
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string probed)
        {
            roots.AddRange(probed.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var rid = $"linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        var folders = new List<string>();
        foreach (var root in roots)
        {
            folders.Add(Path.GetFullPath(root));
            folders.Add(Path.GetFullPath(Path.Combine(root, "runtimes", rid, "native")));
        }

        return folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists).ToList();
    }

    private static string Find(string fileName, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new DllNotFoundException(
            $"{fileName} was not found in any of these folders: {string.Join(", ", folders)}. Is the libtorch package for this platform referenced?");
    }
}
