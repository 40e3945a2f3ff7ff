using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Finds custom layers and data types in a project's sources by their syntax alone: quick, and it works
/// while the code has errors. Custom layers are public classes deriving from <c>Module&lt;Tensor, Tensor&gt;</c>;
/// data types are the public classes and records in files under <c>types/</c>.
/// </summary>
internal static class ProjectSources
{
    public const string LayerFolder = "layers/";
    public const string TypeFolder = "types/";

    public static IReadOnlyList<SourceClass> CustomLayers(IEnumerable<SourceFile> sources) =>
        sources.SelectMany(s => PublicClasses(s).Where(IsLayer).Select(c => new SourceClass(c.Identifier.Text, s.Path))).ToList();

    public static IReadOnlyList<SourceClass> DataTypes(IEnumerable<SourceFile> sources) =>
        sources.Where(s => s.Path.StartsWith(TypeFolder, StringComparison.Ordinal))
            .SelectMany(s => PublicClasses(s).Where(c => !IsLayer(c) && !IsSerializer(c)).Select(c => new SourceClass(c.Identifier.Text, s.Path)))
            .ToList();

    /// <summary>The file declaring a class of that name, or null.</summary>
    public static SourceFile? FileDeclaring(IEnumerable<SourceFile> sources, string name) =>
        sources.FirstOrDefault(s => PublicClasses(s).Any(c => c.Identifier.Text == name));

    private static IEnumerable<TypeDeclarationSyntax> PublicClasses(SourceFile source) =>
        CSharpSyntaxTree.ParseText(source.Text).GetRoot()
            .DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<TypeDeclarationSyntax>()
            .Where(t => t is ClassDeclarationSyntax or RecordDeclarationSyntax && t.Modifiers.Any(SyntaxKind.PublicKeyword));

    private static bool IsLayer(TypeDeclarationSyntax type) =>
        type.BaseList?.Types.Any(b => Simple(b.Type) is GenericNameSyntax { Identifier.Text: "Module", TypeArgumentList.Arguments.Count: 2 }) == true;

    private static bool IsSerializer(TypeDeclarationSyntax type) =>
        type.BaseList?.Types.Any(b => Simple(b.Type) is GenericNameSyntax { Identifier.Text: "IDataSerializer" }) == true;

    private static SimpleNameSyntax? Simple(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right,
        AliasQualifiedNameSyntax a => a.Name,
        SimpleNameSyntax s => s,
        _ => null,
    };
}
