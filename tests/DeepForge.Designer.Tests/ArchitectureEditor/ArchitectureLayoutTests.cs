using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class ArchitectureLayoutTests
{
    private const double Height = 70;

    private static (double Width, double Height) Size(LayerNode layer) => (ArchitectureLayout.NodeWidth, Height);

    // in → a → join, in → b1 → b2 → join: two branches of different lengths, and a layer not yet connected.
    private static ArchitectureDefinition Branches() => new()
    {
        Name = "branches",
        Layers = new[] { "input", "a", "b1", "b2", "join", "loose" }.Select(id => new LayerNode { Id = id, Type = "ReLU", Position = new NodePosition(80, 30) }).ToList(),
        Connections = [["input", "a"], ["input", "b1"], ["b1", "b2"], ["a", "join"], ["b2", "join"]],
    };

    [Fact]
    public void Arrange_PutsEveryLayerBelowTheLayersFeedingIt()
    {
        var architecture = Branches();

        ArchitectureLayout.Arrange(architecture, Size);

        foreach (var link in ArchitectureEdits.Links(architecture))
            Assert.True(Y(architecture, link.To) >= Y(architecture, link.From) + Height, $"{link.To} is not below {link.From}");
    }

    [Fact]
    public void Arrange_LeavesNoTwoLayersOverlapping()
    {
        var architecture = Branches();

        ArchitectureLayout.Arrange(architecture, Size);

        var boxes = architecture.Layers.Select(l => (l.Id, l.Position!)).ToList();
        foreach (var (a, pa) in boxes)
            foreach (var (b, pb) in boxes.Where(x => string.CompareOrdinal(x.Id, a) > 0))
                Assert.False(Math.Abs(pa.X - pb.X) < ArchitectureLayout.NodeWidth && Math.Abs(pa.Y - pb.Y) < Height, $"{a} overlaps {b}");
    }

    [Fact]
    public void Arrange_PutsALayerNotConnectedBelowTheNetwork()
    {
        var architecture = Branches();

        ArchitectureLayout.Arrange(architecture, Size);

        Assert.True(architecture.Layers.Where(l => l.Id != "loose").All(l => l.Position!.Y < Y(architecture, "loose")));
    }

    [Fact]
    public void Arrange_ReportsNoChange_WhenTheLayersAreInPlaceAlready()
    {
        var architecture = Branches();
        ArchitectureLayout.Arrange(architecture, Size);

        Assert.False(ArchitectureLayout.Arrange(architecture, Size));
    }

    private static double Y(ArchitectureDefinition architecture, string id) => architecture.Layers.Single(l => l.Id == id).Position!.Y;
}
