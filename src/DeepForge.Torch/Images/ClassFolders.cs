namespace DeepForge.Torch.Images;

/// <summary>
/// Turns the paths of a folder or archive into images by class: <c>class/image.png</c>, optionally under one top folder
/// (an archive of the folder itself). Everything else is refused with a line naming the path and what to do.
/// </summary>
internal static class ClassFolders
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>The images by sorted class name; <paramref name="folders"/> are the folders seen, so an empty class folder is noticed.</summary>
    public static (string[] Classes, List<ImageFile> Images) Arrange(string where, IReadOnlyList<(string Path, Func<Stream> Open)> files, IEnumerable<string> folders)
    {
        var found = files.Select(f => (Parts: Parts(f.Path), f.Open)).Where(f => !Ignored(f.Parts)).ToList();
        var folderParts = folders.Select(Parts).Where(p => p.Length > 0 && !Ignored(p)).ToList();
        var top = CommonTop(found.Select(f => f.Parts).ToList());
        if (top != null)
        {
            found = found.Select(f => (f.Parts[1..], f.Open)).ToList();
            folderParts = folderParts.Where(p => p[0] == top).Select(p => p[1..]).Where(p => p.Length > 0).ToList();
        }
        var images = found.Select(f => new ImageFile(string.Join('/', f.Parts), Class(f.Parts), f.Open)).ToList();
        var classes = images.Select(i => i.Class).Concat(folderParts.Select(p => p[0])).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (images.Count == 0)
            throw new DeepForgeException(where, $"{where} holds no images: put PNG or JPEG images in one folder per class (cat/1.png, dog/2.jpg, ...)");
        var empty = classes.FirstOrDefault(c => images.All(i => i.Class != c));
        if (empty != null)
            throw new DeepForgeException($"class folder '{empty}'", $"class folder '{empty}' of {where} has no images: add some or remove the folder");
        if (classes.Length < 2)
            throw new DeepForgeException(where, $"{where} has one class folder ('{classes[0]}'); a classifier needs at least two, one folder of images per class");
        return (classes, images);
    }

    /// <summary>The segments of an archive or folder path, refusing one that leads outside (zip-slip): absolute, or with '..'.</summary>
    public static string[] Parts(string path)
    {
        var normal = path.Replace('\\', '/');
        var parts = normal.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (normal.StartsWith('/') || (normal.Length > 1 && normal[1] == ':') || parts.Any(p => p == ".."))
            throw new DeepForgeException($"archive entry '{path}'", $"archive entry '{path}' points outside the archive (an absolute path or '..'); nothing was extracted: make the archive from the image folder itself");
        return parts.Where(p => p != ".").ToArray();
    }

    private static string Class(string[] parts)
    {
        var name = string.Join('/', parts);
        if (parts.Length == 1)
            throw new DeepForgeException($"'{name}'", $"'{name}' lies outside any class folder: put each image in a folder named for its class");
        if (parts.Length > 2)
            throw new DeepForgeException($"'{name}'", $"'{name}' lies in a folder inside class folder '{parts[0]}': put the images directly in their class folder");
        if (!Extensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            throw new DeepForgeException($"'{name}'", $"'{name}' is not a PNG or JPEG image: only .png, .jpg and .jpeg files may lie in the class folders");
        return parts[0];
    }

    // Hidden files and folders (.DS_Store, .git) and macOS's archive side folder are no one's images.
    private static bool Ignored(string[] parts) => parts.Any(p => p.StartsWith('.') || p == "__MACOSX");

    private static string? CommonTop(List<string[]> files)
    {
        if (files.Count == 0 || files.Any(f => f.Length < 3)) return null;
        var top = files[0][0];
        return files.All(f => f[0] == top) ? top : null;
    }
}
