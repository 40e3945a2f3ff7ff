using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>
/// A project whose operations are C# source the engine compiles: train draws "Training Error" point by point, shows an
/// image and logs each step; evaluate, after it, prints per-class accuracies and reports them as metrics. With a release file train keeps drawing,
/// a point per pass, until that file exists, so a test can watch it run and then let it end, without depending on timing.
/// </summary>
internal static class LiveProject
{
    public const string Name = "live";
    public const string Pipeline = "learn";
    public const string Node = "train";
    public const string Evaluate = "evaluate";
    public const string Graph = "Training Error";

    private const string Source = """
        namespace LiveOps;

        [Operation(Category = "Test")]
        public sealed class Train(int steps = 4, string release = "", int pauseMs = 100) : Operation
        {
            // It returns its last error: an async Task with no output fails in the engine today (VoidTaskResult is cast to ITuple).
            [return: Output("error")]
            public async Task<double> ExecuteAsync(OperationContext context)
            {
                var error = context.Graph("Training Error").XLabel("step").YLabel("error").Line("train");
                context.Image("first batch", new ImageData(2, 2, 1, [0, 85, 170, 255]));
                var step = 0;
                for (; step < steps; step++) Draw(context, error, step);
                while (release.Length > 0 && !File.Exists(release))
                {
                    await Task.Delay(pauseMs, context.CancellationToken);
                    Draw(context, error, step++);
                }
                return 1.0 / step;
            }

            private static void Draw(OperationContext context, Line error, int step)
            {
                error.Add(step, 1.0 / (step + 1));
                context.Log.WriteLine($"step {step}: error {1.0 / (step + 1):0.000}");
            }
        }

        [Operation(Category = "Test")]
        public sealed class Evaluate : Operation
        {
            public void Execute(double error, OperationContext context)
            {
                context.Metric("accuracy", 0.9425);
                // Fashion-MNIST's class order, which is not alphabetical: the page keeps it.
                context.Metric("accuracy/T-shirt/top", 0.91);
                context.Metric("accuracy/Trouser", 0.975);
                context.Metric("accuracy/Pullover", 0.883);
                Console.WriteLine($"final training error {error:0.000}");
                Console.WriteLine("accuracy of class 0 (T-shirt): 91.0%");
                Console.WriteLine("accuracy of class 1 (Trouser): 97.5%");
                Console.Out.Flush();
            }
        }
        """;

    /// <summary>Stores the project in place of the one a test stored before, under the version that one has.</summary>
    public static async Task SaveAsync(DeepForgeEngine engine, int steps = 4, string release = "")
    {
        var project = Create(steps, release);
        project.Version = (await engine.Projects.FindAsync(Name))?.Version ?? 0;
        await engine.Projects.SaveAsync(project);
    }

    public static ProjectDefinition Create(int steps = 4, string release = "") => new()
    {
        Name = Name,
        Sources = [new SourceFile("ops/Train.cs", Source)],
        Pipelines =
        [
            new PipelineDefinition
            {
                Name = Pipeline,
                Nodes =
                [
                    new PipelineNode
                    {
                        Id = Node, Kind = NodeKind.Operation, Operation = "Train",
                        Attributes = new() { ["steps"] = JsonSerializer.SerializeToElement(steps), ["release"] = JsonSerializer.SerializeToElement(release) },
                        Position = new NodePosition(40, 60),
                    },
                    new PipelineNode { Id = Evaluate, Kind = NodeKind.Operation, Operation = "Evaluate", Position = new NodePosition(320, 60) },
                ],
                Connections = [new Connection($"{Node}.error", $"{Evaluate}.error")],
            },
        ],
    };
}
