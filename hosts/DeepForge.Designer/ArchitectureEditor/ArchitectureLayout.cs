using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Places an architecture's layers top to bottom, the way its tensors flow: each layer one row below the lowest
/// layer feeding it, branches side by side, rows far enough apart that no two layers overlap.
/// </summary>
internal static class ArchitectureLayout
{
    public const double Left = 80;
    public const double Top = 30;
    public const double RowGap = 60;
    public const double ColumnGap = 40;

    /// <summary>The width a layer node has on the page (the widget is 230 px wide, padding and border included).</summary>
    public const double NodeWidth = 230;

    /// <summary>Sets every layer's position; true when any moved. <paramref name="size"/> gives a layer's size on the page.</summary>
    public static bool Arrange(ArchitectureDefinition architecture, Func<LayerNode, (double Width, double Height)> size)
    {
        var rows = Rows(architecture);
        var widest = rows.Select(r => r.Sum(l => size(l).Width) + ColumnGap * (r.Count - 1)).DefaultIfEmpty(0).Max();
        var changed = false;
        var top = Top;
        foreach (var row in rows)
        {
            var width = row.Sum(l => size(l).Width) + ColumnGap * (row.Count - 1);
            var x = Left + (widest - width) / 2;
            foreach (var layer in row)
            {
                changed |= ArchitectureEdits.Move(architecture, layer.Id, x, top);
                x += size(layer).Width + ColumnGap;
            }
            top += row.Max(l => size(l).Height) + RowGap;
        }
        return changed;
    }

    /// <summary>The height a layer's node is expected to have before the browser has measured it.</summary>
    public static double EstimatedHeight(string summary, bool showsInput) =>
        // The widget wraps its summary at about 40 characters.
        50 + (summary.Length == 0 ? 0 : 17 * Math.Ceiling(summary.Length / 40.0)) + (showsInput ? 16 : 0);

    /// <summary>The layers by row: a layer's row is one below the lowest row of the layers feeding it; unconnected layers come last.</summary>
    private static List<List<LayerNode>> Rows(ArchitectureDefinition architecture)
    {
        var links = ArchitectureEdits.Links(architecture);
        var rank = Ranks(architecture, links);
        var linked = links.SelectMany(l => new[] { l.From, l.To }).ToHashSet(StringComparer.Ordinal);
        var loose = architecture.Layers.Count > 1 ? architecture.Layers.Where(l => !linked.Contains(l.Id)).ToList() : [];
        var rows = architecture.Layers.Except(loose).GroupBy(l => rank.GetValueOrDefault(l.Id)).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        if (loose.Count > 0) rows.Add(loose);
        Order(rows, links);
        return rows;
    }

    // Longest path from an input layer; layers on a cycle (which the editor refuses to run) keep rank 0.
    private static Dictionary<string, int> Ranks(ArchitectureDefinition architecture, IReadOnlyList<LayerLink> links)
    {
        var rank = architecture.Layers.ToDictionary(l => l.Id, _ => 0, StringComparer.Ordinal);
        var waiting = architecture.Layers.ToDictionary(l => l.Id, l => links.Count(k => k.To == l.Id), StringComparer.Ordinal);
        var ready = new Queue<string>(architecture.Layers.Where(l => waiting[l.Id] == 0).Select(l => l.Id));
        while (ready.TryDequeue(out var id))
            foreach (var link in links.Where(l => l.From == id && rank.ContainsKey(l.To)))
            {
                rank[link.To] = Math.Max(rank[link.To], rank[id] + 1);
                if (--waiting[link.To] == 0) ready.Enqueue(link.To);
            }
        return rank;
    }

    // Within a row, layers follow the average place of the layers feeding them, so branches do not cross needlessly.
    private static void Order(List<List<LayerNode>> rows, IReadOnlyList<LayerLink> links)
    {
        var place = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var sorted = row.Select((layer, i) => (layer, key: Key(layer, i, links, place))).OrderBy(e => e.key).Select(e => e.layer).ToList();
            row.Clear();
            row.AddRange(sorted);
            for (var i = 0; i < row.Count; i++) place[row[i].Id] = i;
        }
    }

    private static double Key(LayerNode layer, int index, IReadOnlyList<LayerLink> links, Dictionary<string, double> place)
    {
        var from = links.Where(l => l.To == layer.Id && place.ContainsKey(l.From)).Select(l => place[l.From]).ToList();
        return from.Count > 0 ? from.Average() + index * 1e-3 : index;
    }
}
