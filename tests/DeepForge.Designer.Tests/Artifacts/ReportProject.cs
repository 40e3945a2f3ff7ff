using DeepForge.Models;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>
/// A project whose one pipeline saves three artifacts of simple types, each from its own operation: a number ("score"),
/// a dictionary of per-class scores ("perClass") and a 2x2 grey image ("picture").
/// </summary>
internal static class ReportProject
{
    public const string Name = "report";
    public const string Pipeline = "report";

    private const string Source = """
        using DeepForge.Feedback;

        namespace ReportOps;

        [Operation(Category = "Test")]
        public sealed class Score : Operation
        {
            [return: Output("score")]
            public double Execute() => 0.9425;
        }

        [Operation(Category = "Test")]
        public sealed class PerClass : Operation
        {
            [return: Output("scores")]
            public Dictionary<string, double> Execute() => new() { ["T-shirt"] = 0.91, ["Trouser"] = 0.975 };
        }

        [Operation(Category = "Test")]
        public sealed class Picture : Operation
        {
            [return: Output("image")]
            public ImageData Execute() => new(2, 2, 1, [0, 85, 170, 255]);
        }
        """;

    public static ProjectDefinition Create() => new()
    {
        Name = Name,
        Sources = [new SourceFile("ops/Report.cs", Source)],
        Pipelines =
        [
            new PipelineDefinition
            {
                Name = Pipeline,
                Nodes =
                [
                    Operation("score", "Score", 0), Saved("scoreOut", "score", 0),
                    Operation("perClass", "PerClass", 1), Saved("perClassOut", "perClass", 1),
                    Operation("picture", "Picture", 2), Saved("pictureOut", "picture", 2),
                ],
                Connections =
                [
                    new Connection("score.score", "scoreOut.data"),
                    new Connection("perClass.scores", "perClassOut.data"),
                    new Connection("picture.image", "pictureOut.data"),
                ],
            },
        ],
    };

    private static PipelineNode Operation(string id, string operation, int column) =>
        new() { Id = id, Kind = NodeKind.Operation, Operation = operation, Position = new NodePosition(40 + 220 * column, 40) };

    private static PipelineNode Saved(string id, string artifact, int column) =>
        new() { Id = id, Kind = NodeKind.Output, Artifact = artifact, Position = new NodePosition(40 + 220 * column, 200) };
}
