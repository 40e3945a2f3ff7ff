namespace DeepForge.Designer.Undo;

/// <summary>
/// One part changed by an edit: its JSON before and after (null: absent). For an element, where it stood in
/// the collection before and after, so that undoing a delete puts it back in its place (a chain of layers
/// without connections follows their order).
/// </summary>
internal sealed record PartChange(PartKey Key, string? Before, string? After, int IndexBefore = -1, int IndexAfter = -1)
{
    public PartChange Inverse() => new(Key, After, Before, IndexAfter, IndexBefore);
}
