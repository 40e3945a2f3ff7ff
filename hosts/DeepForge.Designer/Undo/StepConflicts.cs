namespace DeepForge.Designer.Undo;

/// <summary>Whether a step can be taken back in a document as it is now, without losing or breaking anyone's later change.</summary>
internal static class StepConflicts
{
    /// <summary>A description of the first part in the way ("attribute 'epochs' of node 'train'"), or null when there is none.</summary>
    public static string? Find(EditStep step, DocumentParts now)
    {
        var shape = step.Scope.Shape;
        var changed = step.Changes.ToDictionary(c => c.Key);
        // Each part must be as the step left it: otherwise someone changed it since.
        if (step.Changes.FirstOrDefault(c => now[c.Key] != c.After) is { } moved) return PartNames.Of(moved.Key, shape);
        foreach (var removed in step.Changes.Where(c => c.Key.Kind == PartKind.Element && c.Before == null))
        {
            // Taking back an element's creation removes it: whatever someone gave it or linked to it since would go with it.
            var theirs = now.Values.Keys.FirstOrDefault(k => !changed.ContainsKey(k) &&
                (k.Kind is PartKind.Own or PartKind.Entry && k.Id == removed.Key.Id
                 || k.Kind == PartKind.Member && DocumentParts.EndsOf(k.Name).Contains(removed.Key.Id)));
            if (theirs != null) return PartNames.Of(theirs, shape);
        }
        foreach (var link in step.Changes.Where(c => c.Key.Kind == PartKind.Member && c.Before != null))
        {
            // A link put back must join elements that are there once the step is taken back.
            foreach (var end in DocumentParts.EndsOf(link.Key.Name))
            {
                var element = new PartKey(PartKind.Element, end);
                var there = changed.TryGetValue(element, out var change) ? change.Before != null : now[element] != null;
                if (!there) return $"{shape.Noun} '{end}' (which {PartNames.Of(link.Key, shape)} joins)";
            }
        }
        return null;
    }
}
