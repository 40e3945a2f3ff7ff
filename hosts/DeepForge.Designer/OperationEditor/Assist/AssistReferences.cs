using System.Runtime.CompilerServices;
using DeepForge.Compilation;
using Microsoft.CodeAnalysis;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// The references the project compiler uses, each with its XML documentation when the file lies beside the assembly
/// (DeepForge's own, TorchSharp's), so hover and completion can show summaries. One documented reference per original,
/// so a workspace sees the same objects from call to call and keeps its compilation.
/// </summary>
internal static class AssistReferences
{
    private static readonly ConditionalWeakTable<MetadataReference, MetadataReference> Documented = [];

    public static IReadOnlyList<MetadataReference> Current() =>
        ProjectCompiler.References().Select(r => Documented.GetValue(r, WithDocumentation)).ToList();

    private static MetadataReference WithDocumentation(MetadataReference reference)
    {
        if (reference is not PortableExecutableReference { FilePath: { } path }) return reference;
        var xml = Path.ChangeExtension(path, ".xml");
        return File.Exists(xml)
            ? MetadataReference.CreateFromFile(path, documentation: new XmlDocs(xml))
            : reference;
    }
}
