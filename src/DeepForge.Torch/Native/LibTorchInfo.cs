namespace DeepForge.Torch.Native;

/// <summary>The libtorch this process loaded, as <c>deepforge doctor</c> shows it.</summary>
/// <param name="Version">libtorch's version: the build-version of torch.dir's build, else the bundled build's.</param>
/// <param name="Folder">The folder libtorch_cpu.so was mapped from (read from the process's memory map).</param>
/// <param name="TorchDirectory">The torch.dir folder in effect, or null for the bundled CPU build.</param>
/// <param name="PatchedCopy">
/// The copy of libLibTorchSharp.so whose requirement on GLIBCXX_3.4.32 is weak, when this machine's libstdc++ is older
/// than GCC 13's and the copy had to be loaded; null when the library loaded as shipped.
/// </param>
public sealed record LibTorchInfo(string Version, string Folder, string? TorchDirectory, string? PatchedCopy);
