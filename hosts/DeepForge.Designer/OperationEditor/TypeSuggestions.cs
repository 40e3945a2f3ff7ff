namespace DeepForge.Designer.OperationEditor;

/// <summary>The types the add form suggests: those the project's operations already pass around, then C#'s simple ones.</summary>
internal static class TypeSuggestions
{
    private static readonly string[] Simple = ["int", "double", "float", "bool", "string", "long", "string[]", "double[]", "Architecture"];

    public static async Task<IReadOnlyList<string>> ForAsync(DeepForgeEngine engine, string project, CancellationToken cancellationToken = default)
    {
        var read = await engine.Projects.ReadOperationsAsync(project, null, cancellationToken);
        var used = read.Operations.SelectMany(o => o.Descriptor.Inputs.Concat(o.Descriptor.Outputs)).Select(p => p.DisplayType);
        return used.Concat(Simple).Distinct(StringComparer.Ordinal).ToList();
    }
}
