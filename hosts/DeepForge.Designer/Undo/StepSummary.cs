namespace DeepForge.Designer.Undo;

/// <summary>What a step did, in a few words, for the undo and redo buttons' tooltips.</summary>
internal static class StepSummary
{
    public static string Of(IReadOnlyList<PartChange> changes, DocumentShape shape)
    {
        var noun = shape.Noun;
        var added = Elements(changes, c => c.Before == null);
        var removed = Elements(changes, c => c.After == null);
        if (added.Count > 0) return Counted("add", noun, added);
        if (removed.Count > 0) return Counted("delete", noun, removed);
        if (changes is [{ Key.Kind: PartKind.Element } changed]) return $"change {noun} '{changed.Key.Id}'";
        if (changes.All(c => c.Key.Kind == PartKind.Own))
            return Counted("move", noun, changes.Select(c => c.Key.Id).Distinct().ToList());
        if (changes.All(c => c.Key.Kind == PartKind.Entry) && changes.Select(c => (c.Key.Id, c.Key.Map)).Distinct().Count() == 1)
        {
            var key = changes[0].Key;
            return changes.Count == 1 ? $"set {PartNames.Of(key, shape)}" : $"set {key.Map} of {noun} '{key.Id}'";
        }
        if (changes.All(c => c.Key.Kind == PartKind.Member) && changes.Count == 1)
            return $"{(changes[0].After != null ? "connect" : "disconnect")} {PartNames.Link(changes[0].Key.Name)}";
        if (changes.All(c => c.Key.Kind == PartKind.Property) && changes.Count == 1) return $"set {PartNames.Of(changes[0].Key, shape)}";
        return changes.Any(c => c.Key.Kind == PartKind.Member) ? "change links" : "edit";
    }

    private static List<string> Elements(IReadOnlyList<PartChange> changes, Func<PartChange, bool> which) =>
        changes.Where(c => c.Key.Kind == PartKind.Element && which(c)).Select(c => c.Key.Id).ToList();

    private static string Counted(string verb, string noun, IReadOnlyList<string> ids) =>
        ids.Count == 1 ? $"{verb} {noun} '{ids[0]}'" : $"{verb} {ids.Count} {noun}s";
}
