namespace DeepForge.Designer.OperationEditor;

/// <summary>The code edit for adding or removing one member of the interface, as <see cref="OperationEditorSession.ApplyAsync"/> takes it: (code, class) to code.</summary>
internal static class MemberEdits
{
    public static Func<string, string, string> Add(MemberDraft draft) => draft.Kind switch
    {
        "input" => (code, type) => OperationRewriter.AddInput(code, type, draft.Name, draft.Type),
        "output" => (code, type) => OperationRewriter.AddOutput(code, type, draft.Name, draft.Type),
        "attribute" => (code, type) => OperationRewriter.AddAttribute(code, type, draft.Name, draft.Type, draft.Default),
        "reference" => (code, type) => OperationRewriter.AddReference(code, type, draft.Name, string.IsNullOrWhiteSpace(draft.Type) ? "Architecture" : draft.Type),
        _ => throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, "not a kind of interface member"),
    };

    public static Func<string, string, string> Remove(string kind, string name) => kind switch
    {
        "input" => (code, type) => OperationRewriter.RemoveInput(code, type, name),
        "output" => (code, type) => OperationRewriter.RemoveOutput(code, type, name),
        "attribute" => (code, type) => OperationRewriter.RemoveAttribute(code, type, name),
        "reference" => (code, type) => OperationRewriter.RemoveReference(code, type, name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of interface member"),
    };
}
