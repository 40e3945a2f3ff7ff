using System.Xml.Linq;

namespace DeepForge.Architecture.Tests;

/// <summary>What one <c>.csproj</c> says about its place among the others.</summary>
internal sealed record ProjectFile(
    string Assembly, string RelativePath, Room Room, string? Description,
    IReadOnlyList<string> References, IReadOnlyList<string> Packages, IReadOnlyList<string> InternalsVisibleTo)
{
    /// <summary>The command, which composes the hosts into processes.</summary>
    public const string Command = "deepforge";

    /// <summary>
    /// The projects that compose hosts into processes and so may reference them: the command, and the benchmarks it
    /// loads, which start a server and workers to measure them as the command runs them.
    /// </summary>
    public static readonly IReadOnlySet<string> Composers = new HashSet<string> { Command, "DeepForge.Benchmarks" };

    public string Name => Path.GetFileNameWithoutExtension(RelativePath);

    public static ProjectFile Read(string root, string path)
    {
        var xml = XDocument.Load(path);
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var name = Path.GetFileNameWithoutExtension(path);
        return new ProjectFile(
            Single(xml, "AssemblyName") ?? name, relative, RoomOf(relative), Single(xml, "Description"),
            Items(xml, "ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Replace('\\', '/'))).ToList(),
            Items(xml, "PackageReference").ToList(), Items(xml, "InternalsVisibleTo").ToList());
    }

    private static Room RoomOf(string relative) => relative.Split('/')[0] switch
    {
        "src" => Room.Library,
        "hosts" => Room.Host,
        "tests" => Room.Test,
        _ => Room.Sample,
    };

    private static string? Single(XDocument xml, string element) =>
        xml.Descendants(element).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);

    private static IEnumerable<string> Items(XDocument xml, string item) =>
        xml.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();
}
