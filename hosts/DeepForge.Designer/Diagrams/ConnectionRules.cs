using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>
/// Where a link may go, with the reason when it may not: from an output to an input of another node, into an
/// input not already fed, carrying data the input takes (a port of type T takes T and its subclasses).
/// </summary>
internal sealed class ConnectionRules(ProjectCatalog? catalog, Func<IEnumerable<Connection>> connections)
{
    public string? WhyNot(NamedPortModel a, NamedPortModel b)
    {
        if (Basic(a, b) is { } basic) return basic;
        var (from, to) = a.IsInput ? (b, a) : (a, b);
        if (connections().Any(c => c.To == to.FullName && c.From != from.FullName))
            return $"{to.FullName} already has a connection; an input takes one (delete that link first)";
        if (from.DataType == null || to.DataType == null || catalog == null) return null;
        return catalog.WhyNotFits(from.DataType, to.DataType) is { } reason ? $"{from.FullName} → {to.FullName}: {reason}" : null;
    }

    /// <summary>The rules that need no types: another node, and one end an output, the other an input.</summary>
    public static string? Basic(NamedPortModel a, NamedPortModel b)
    {
        if (a.Parent == b.Parent) return $"{a.FullName} and {b.FullName} are on the same node";
        if (a.IsInput == b.IsInput) return a.IsInput ? "both are inputs: connect an output to an input" : "both are outputs: connect an output to an input";
        return null;
    }
}
