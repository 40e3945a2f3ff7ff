using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace DeepForge.Designer.Diagrams;

/// <summary>
/// A port with the name the pipeline gives it and its data type (null when not known); inputs on top,
/// outputs below, as data flows down the page. It attaches only where <see cref="ConnectionRules"/> say the data fits.
/// </summary>
public sealed class NamedPortModel(PipelineNodeModel parent, string name, bool isInput, string? dataType, string displayType)
    : PortModel(parent, isInput ? PortAlignment.Top : PortAlignment.Bottom)
{
    public string Name { get; } = name;

    public bool IsInput { get; } = isInput;

    /// <summary>The stored type name, or null when nothing says (an Input node without an artifact yet).</summary>
    public string? DataType { get; } = dataType;

    public string DisplayType { get; } = displayType;

    /// <summary>node.port, as connections and messages write it.</summary>
    public string FullName => $"{((PipelineNodeModel)Parent).Node.Id}.{Name}";

    /// <summary>While a link is dragged: null when this port takes it, else why not; and whether a drag is on.</summary>
    public (bool Dragging, string? Refusal) DragState { get; set; }

    internal ConnectionRules? Rules { get; set; }

    public override bool CanAttachTo(ILinkable other) =>
        other is NamedPortModel port && (Rules?.WhyNot(this, port) ?? ConnectionRules.Basic(this, port)) == null;
}
