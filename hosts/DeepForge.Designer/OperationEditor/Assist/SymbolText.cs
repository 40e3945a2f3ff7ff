using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>How symbols read in completion, hover and signature help: signatures, kinds and XML doc text.</summary>
internal static class SymbolText
{
    /// <summary>A member's signature without its container: <c>FeedbackGraph Graph(string title)</c>.</summary>
    public static readonly SymbolDisplayFormat Member = SymbolDisplayFormat.MinimallyQualifiedFormat
        .RemoveMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword);

    /// <summary>For hover: the kind's keyword and the container (<c>class DeepForge.Operations.OperationContext</c>).</summary>
    public static readonly SymbolDisplayFormat Hover = SymbolDisplayFormat.CSharpErrorMessageFormat
        .AddKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword)
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .AddLocalOptions(SymbolDisplayLocalOptions.IncludeType);

    /// <summary>A parameter as written in a signature: <c>double learningRate = 0.001</c>.</summary>
    public static readonly SymbolDisplayFormat Parameter = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>Monaco's name of the completion kind that shows the symbol's icon.</summary>
    public static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "Constructor",
        IMethodSymbol => "Method",
        IPropertySymbol => "Property",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "EnumMember",
        IFieldSymbol { IsConst: true } => "Constant",
        IFieldSymbol => "Field",
        IEventSymbol => "Event",
        ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => "Variable",
        INamespaceSymbol => "Module",
        ITypeParameterSymbol => "TypeParameter",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "Interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "Enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "Struct",
        INamedTypeSymbol => "Class",
        _ => "Text",
    };

    /// <summary>The doc comment's summary as plain text (cross references by their short name), or null.</summary>
    public static string? Summary(ISymbol symbol) => Part(symbol, "summary", null);

    /// <summary>The doc comment's text for the parameter <paramref name="name"/>, or null.</summary>
    public static string? ParameterDoc(ISymbol method, string name) => Part(method, "param", name);

    private static string? Part(ISymbol symbol, string element, string? name)
    {
        var xml = symbol.OriginalDefinition.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var root = XElement.Parse(xml);
            var found = root.Descendants(element).FirstOrDefault(e => name == null || (string?)e.Attribute("name") == name);
            return found == null ? null : Flatten(found);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            if (node is XText plain && node.Parent is { } parent && parent.Name.LocalName is not ("see" or "seealso" or "paramref" or "typeparamref"))
                text.Append(plain.Value);
            else if (node is XElement { Name.LocalName: "see" or "seealso" or "paramref" or "typeparamref" } reference)
                text.Append(ReferenceText(reference));
        }
        var flat = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? null : flat;
    }

    // <see cref="T:DeepForge.Operations.OperationContext"/> reads as OperationContext; <see langword="null"/> as null.
    private static string ReferenceText(XElement reference)
    {
        if (!reference.IsEmpty) return reference.Value;
        var target = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("langword") ?? "";
        var withoutParameters = target.Split('(')[0];
        return withoutParameters[(withoutParameters.LastIndexOfAny([':', '.']) + 1)..];
    }
}
