using DeepForge.Blobs;

namespace DeepForge.Runtime;

/// <summary>
/// Hands an operation its input files so that nothing it does to them reaches the stored blob: a file of its own
/// in the job's folder, so deleting or renaming it leaves the blob alone. That file is a hard link to the
/// read-only blob (no bytes copied; a write is refused), except in a privileged process, which may write to
/// read-only files: there it is a copy.
/// </summary>
internal static class ReadOnlyInputs
{
    public static string ViewOf(string blobPath, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var view = Path.Combine(folder, name);
        if (File.Exists(view)) File.Delete(view); // a retry of the job in the same folder
        if (!Environment.IsPrivilegedProcess && DurableFiles.TryHardLink(blobPath, view)) return view;
        File.Copy(blobPath, view);
        DurableFiles.MakeReadOnly(view);
        return view;
    }

    /// <summary>A blob kept in memory (a small one) as a file in the job's folder, which goes when the job ends.</summary>
    public static string CopyOf(Stream blob, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var view = Path.Combine(folder, name);
        if (File.Exists(view)) File.Delete(view);
        using (var file = new FileStream(view, FileMode.CreateNew, FileAccess.Write)) blob.CopyTo(file);
        DurableFiles.MakeReadOnly(view);
        return view;
    }
}
