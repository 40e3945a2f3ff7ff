using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// An assembly's XML documentation file, read on first use, as Roslyn asks for it by documentation id
/// (<c>T:DeepForge.Operations.OperationContext</c>). Roslyn's own file provider lives in the Workspaces package,
/// which the designer does not need for anything else.
/// </summary>
internal sealed class XmlDocs(string path) : DocumentationProvider
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _members = new(() => Read(path));

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        _members.Value.TryGetValue(documentationMemberID, out var xml) ? xml : null;

    public override bool Equals(object? obj) => obj is XmlDocs other && other.Path == Path;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);

    private string Path => path;

    // A documentation file that cannot be read leaves the symbols without summaries; completion goes on.
    private static Dictionary<string, string> Read(string path)
    {
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") != null)
                .GroupBy(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ToString(SaveOptions.DisableFormatting), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
