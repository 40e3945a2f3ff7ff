namespace DeepForge.Cli.Folders;

/// <summary><c>project.json</c> of a pulled folder: what the project is for and the seed it came from.</summary>
internal sealed class FolderManifest
{
    public const string FileName = "project.json";

    public string? Description { get; set; }

    public string? Seed { get; set; }
}
