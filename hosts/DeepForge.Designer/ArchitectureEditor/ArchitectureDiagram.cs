using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// The diagram of one architecture. It never changes the architecture itself: what the person does
/// (connect, delete, move) is reported by events, the page stores it through ProjectEdits, and
/// <see cref="Sync"/> then makes the diagram match what was stored, shape labels included.
/// </summary>
internal sealed class ArchitectureDiagram
{
    private readonly Dictionary<string, LayerNodeModel> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<LayerLink, LinkModel> _links = [];

    public ArchitectureDiagram()
    {
        Diagram = new BlazorDiagram(new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            Links = { DefaultRouter = new NormalRouter(), DefaultPathGenerator = new SmoothPathGenerator(), RequireTarget = true, EnableSnapping = true },
            Constraints =
            {
                // Deleting goes through the page's edit; Sync then removes what was deleted.
                ShouldDeleteNode = node => Refuse(() => LayerRemoved?.Invoke(node.Id)),
                ShouldDeleteLink = link => Refuse(() => { if (KeyOf(link) is { } key) Disconnected?.Invoke(key); }),
            },
        });
        Diagram.RegisterComponent<LayerNodeModel, LayerNodeWidget>();
        Diagram.Links.Added += OnLinkAdded;
        Diagram.SelectionChanged += model =>
        {
            if (model is LayerNodeModel node) SelectionChanged?.Invoke(node.Selected ? node.Id : null);
        };
    }

    public BlazorDiagram Diagram { get; }

    public event Action<LayerLink>? Connected;

    public event Action<LayerLink>? Disconnected;

    public event Action<string>? LayerRemoved;

    public event Action<string, double, double>? LayerMoved;

    public event Action<string?>? SelectionChanged;

    public LayerNodeModel? Node(string id) => _nodes.GetValueOrDefault(id);

    public IReadOnlyCollection<LinkModel> Links => _links.Values;

    /// <summary>The layer drawn at <paramref name="point"/> (diagram coordinates), if any.</summary>
    public string? LayerAt(Point point) =>
        _nodes.Values.FirstOrDefault(n => n.Size is { } size && point.X >= n.Position.X && point.X <= n.Position.X + size.Width
            && point.Y >= n.Position.Y && point.Y <= n.Position.Y + size.Height)?.Id;

    /// <summary>The connection passing within <paramref name="reach"/> of <paramref name="point"/>, the nearest when several do.</summary>
    public LayerLink? LinkAt(Point point, double reach)
    {
        // A link is drawn as a gentle curve between the two ports; the straight line between them is close enough to aim at.
        var near = _links.Keys
            .Select(key => (key, distance: DistanceToSegment(point, _nodes[key.From].OutputPort.MiddlePosition, _nodes[key.To].InputPort.MiddlePosition)))
            .Where(e => e.distance <= reach)
            .OrderBy(e => e.distance)
            .ToList();
        return near.Count > 0 ? near[0].key : null;
    }

    /// <summary>Shows every layer, as large as the canvas allows.</summary>
    public void ZoomToFit()
    {
        if (_nodes.Count > 0) Diagram.ZoomToFit(40);
    }

    private static double DistanceToSegment(Point p, Point a, Point b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = dx * dx + dy * dy;
        var t = length == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length, 0, 1);
        var (x, y) = (a.X + t * dx - p.X, a.Y + t * dy - p.Y);
        return Math.Sqrt(x * x + y * y);
    }

    /// <summary>Makes the diagram show <paramref name="architecture"/> with <paramref name="labels"/>.</summary>
    public void Sync(ArchitectureDefinition architecture, ShapeLabelSet labels, Func<LayerNode, string> summary)
    {
        Diagram.Batch(() =>
        {
            SyncNodes(architecture, labels, summary);
            SyncLinks(architecture, labels);
        });
    }

    private void SyncNodes(ArchitectureDefinition architecture, ShapeLabelSet labels, Func<LayerNode, string> summary)
    {
        var ids = architecture.Layers.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _nodes.Keys.Where(id => !ids.Contains(id)).ToList())
        {
            Diagram.Nodes.Remove(_nodes[gone]);
            _nodes.Remove(gone);
        }
        var inputLayer = InputLayer(architecture);
        var top = ArchitectureLayout.Top;
        for (var i = 0; i < architecture.Layers.Count; i++)
        {
            var layer = architecture.Layers[i];
            var position = layer.Position is { } p ? new Point(p.X, p.Y) : new Point(ArchitectureLayout.Left, top);
            top = position.Y + ArchitectureLayout.EstimatedHeight(summary(layer), layer.Id == inputLayer) + ArchitectureLayout.RowGap;
            if (!_nodes.TryGetValue(layer.Id, out var node))
            {
                node = new LayerNodeModel(layer, position);
                node.Moved += moved => LayerMoved?.Invoke(moved.Id, moved.Position.X, moved.Position.Y);
                _nodes[layer.Id] = Diagram.Nodes.Add(node);
            }
            else if (layer.Position is not null && (node.Position.X != position.X || node.Position.Y != position.Y))
                node.SetPosition(position.X, position.Y);
            var before = (node.OutputShape, node.InputShape, node.Problem, node.Summary, node.Layer.Type);
            node.Layer = layer;
            node.OutputShape = labels.Outputs.TryGetValue(layer.Id, out var shape) ? ShapeFormat.Sample(shape) : null;
            node.InputShape = layer.Id == inputLayer ? labels.Input : null;
            node.Problem = labels.FailedLayer == layer.Id ? labels.Problem : null;
            node.Summary = summary(layer);
            // New text can change the node's height, which moves its lower port: have the browser measure the ports again.
            if (before != (node.OutputShape, node.InputShape, node.Problem, node.Summary, node.Layer.Type)) node.ReinitializePorts();
            node.Refresh();
        }
    }

    private void SyncLinks(ArchitectureDefinition architecture, ShapeLabelSet labels)
    {
        var wanted = ArchitectureEdits.Links(architecture).Where(l => _nodes.ContainsKey(l.From) && _nodes.ContainsKey(l.To)).ToHashSet();
        // Links the person drew are replaced by the stored ones, drawn from output to input whichever way they were dragged.
        foreach (var link in Diagram.Links.OfType<LinkModel>().Where(l => l.IsAttached && !_links.ContainsValue(l)).ToList())
            Diagram.Links.Remove(link);
        foreach (var (key, link) in _links.Where(e => !wanted.Contains(e.Key)).ToList())
        {
            Diagram.Links.Remove(link);
            _links.Remove(key);
        }
        foreach (var key in wanted.Where(k => !_links.ContainsKey(k)))
            _links[key] = Diagram.Links.Add(new LinkModel(_nodes[key.From].OutputPort, _nodes[key.To].InputPort) { TargetMarker = LinkMarker.Arrow });
        foreach (var (key, link) in _links)
        {
            var text = labels.Links.GetValueOrDefault(key);
            if (link.Labels.FirstOrDefault()?.Content == text && (text != null || link.Labels.Count == 0)) continue;
            link.Labels.Clear();
            if (text != null) link.Labels.Add(new LinkLabelModel(link, text));
            link.Refresh();
        }
    }

    private static string? InputLayer(ArchitectureDefinition architecture)
    {
        var links = ArchitectureEdits.Links(architecture);
        var inputs = architecture.Layers.Where(l => links.All(k => k.To != l.Id)).ToList();
        return inputs is [var single] ? single.Id : null;
    }

    private void OnLinkAdded(BaseLinkModel link) => link.TargetAttached += attached =>
    {
        if (KeyOf(attached) is { } key) Connected?.Invoke(key);
        else Diagram.Links.Remove(attached);
    };

    /// <summary>The connection a link stands for, from output to input, or null when it joins no two layers that way.</summary>
    private static LayerLink? KeyOf(BaseLinkModel link)
    {
        var source = PortOf(link.Source);
        // Dropped on a layer rather than on a port: the port that completes the link.
        var target = PortOf(link.Target) ?? (link.Target.Model is LayerNodeModel node && source != null
            ? source.Alignment == PortAlignment.Bottom ? node.InputPort : node.OutputPort
            : null);
        if (source?.Parent is not LayerNodeModel a || target?.Parent is not LayerNodeModel b) return null;
        var aIsOutput = source.Alignment == PortAlignment.Bottom;
        var bIsOutput = target.Alignment == PortAlignment.Bottom;
        if (aIsOutput == bIsOutput) return null;
        return aIsOutput ? new LayerLink(a.Id, b.Id) : new LayerLink(b.Id, a.Id);
    }

    private static PortModel? PortOf(Anchor anchor) => anchor switch
    {
        SinglePortAnchor port => port.Port,
        _ => anchor.Model as PortModel,
    };

    private static ValueTask<bool> Refuse(Action report)
    {
        report();
        return ValueTask.FromResult(false);
    }
}
