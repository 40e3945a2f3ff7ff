namespace DeepForge.Extensions;

/// <summary>
/// Where an archive's entries would land. Zip entry names can hold <c>..</c> or start at the root, so every
/// entry is checked against the target folder with its separator (a sibling folder that merely starts with the
/// same name is outside too) before anything is written, and one entry outside refuses the whole archive.
/// </summary>
public static class ArchivePaths
{
    /// <summary>The full path of <paramref name="entry"/> under <paramref name="folder"/>; throws when it would land outside.</summary>
    public static string Inside(string folder, string entry, string archive)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        var normalized = entry.Replace('\\', '/');
        var target = Path.GetFullPath(Path.Combine(root, normalized));
        if (normalized.StartsWith('/') || Path.IsPathRooted(normalized) || !target.StartsWith(root, StringComparison.Ordinal))
            throw new DeepForgeException(archive, $"{archive} is refused: its entry '{entry}' would be written outside the folder it is unpacked into; nothing was installed");
        return target;
    }

    /// <summary>Checks every entry of an archive before any is written.</summary>
    public static void CheckAll(string folder, IEnumerable<string> entries, string archive)
    {
        foreach (var entry in entries) Inside(folder, entry, archive);
    }
}
