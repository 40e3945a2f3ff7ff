namespace DeepForge.Designer.OperationEditor;

/// <summary>What the add form holds: the kind of member (input, output, attribute, reference), its name, type and default.</summary>
public sealed record MemberDraft(string Kind, string Name, string Type, string? Default);
