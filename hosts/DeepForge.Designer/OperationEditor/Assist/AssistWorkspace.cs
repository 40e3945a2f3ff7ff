using DeepForge.Compilation;
using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// One project's code kept compiled between requests: a request replaces only the syntax trees whose text changed
/// (usually the one being typed), so Roslyn keeps what it bound of the references and the other files. That is what
/// makes completion answer fast; a new set of references (an extension loaded) starts over.
/// </summary>
internal sealed class AssistWorkspace
{
    private const string GlobalUsingsPath = "<global usings>";
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Text, SyntaxTree Tree)> _trees = new(StringComparer.Ordinal);
    private IReadOnlyList<MetadataReference> _references = [];
    private CSharpCompilation? _compilation;

    /// <summary>When a request last used this workspace, for eviction.</summary>
    public DateTimeOffset LastUsed { get; set; }

    /// <summary>The semantic model of <paramref name="path"/> holding <paramref name="text"/>, beside the project's other stored files.</summary>
    public SemanticModel Open(IReadOnlyList<SourceFile> stored, string path, string text)
    {
        lock (_gate)
        {
            var references = AssistReferences.Current();
            if (_compilation == null || !references.SequenceEqual(_references)) Start(references);
            var wanted = stored.Where(s => s.Path != path).Select(s => (s.Path, s.Text)).Append((path, text)).ToList();
            _compilation = Update(_compilation!, wanted);
            return _compilation.GetSemanticModel(_trees[path].Tree);
        }
    }

    private void Start(IReadOnlyList<MetadataReference> references)
    {
        _trees.Clear();
        _references = references;
        var usings = Parse(ProjectCompiler.GlobalUsings, GlobalUsingsPath);
        _compilation = CSharpCompilation.Create("DeepForge.Assist", [usings], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
    }

    private CSharpCompilation Update(CSharpCompilation compilation, IReadOnlyList<(string Path, string Text)> wanted)
    {
        var paths = wanted.Select(w => w.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _trees.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            compilation = compilation.RemoveSyntaxTrees(_trees[gone].Tree);
            _trees.Remove(gone);
        }
        foreach (var (path, text) in wanted)
        {
            if (_trees.TryGetValue(path, out var held) && held.Text == text) continue;
            var tree = Parse(text, path);
            compilation = held.Tree == null ? compilation.AddSyntaxTrees(tree) : compilation.ReplaceSyntaxTree(held.Tree, tree);
            _trees[path] = (text, tree);
        }
        return compilation;
    }

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path);
}
