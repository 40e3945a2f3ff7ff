namespace DeepForge.Torch.Tests.Native;

// The real native files that the RID-specific test build copies next to the test assembly,
// and scratch folders that clean up after themselves.
internal static class NativeFiles
{
    public static string LibTorchSharp => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    public static string NewScratchFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "deepforge-torch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
