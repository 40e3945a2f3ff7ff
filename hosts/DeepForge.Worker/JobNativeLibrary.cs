namespace DeepForge.Worker;

/// <summary>
/// A native library a job's process loads only for a job that may use it: one whose operation is project code, or whose plugin
/// assembly references <paramref name="ManagedAssembly"/> (directly or through the assemblies it references). The deepforge
/// command passes TorchSharp and its libtorch loader: loading libtorch costs a job process about a quarter of a second of CPU.
/// </summary>
/// <param name="ManagedAssembly">The simple name of the managed assembly that calls the native library (<c>TorchSharp</c>).</param>
/// <param name="Load">Loads the native library; called before the job runs, on the job's thread.</param>
public sealed record JobNativeLibrary(string ManagedAssembly, Action Load);
