using DeepForge.Models;

namespace DeepForge.Core.Tests.Caching;

/// <summary>
/// A project of several files: <c>Train</c> derives from <c>Trainer</c> and calls <c>Helper</c>; <c>Test</c> and
/// <c>Unused</c> have nothing to do with it. Each test changes one file and runs <c>Train</c> again.
/// </summary>
internal static class OwnCodeProject
{
    public const string Train = "operations/Train.cs";
    public const string Trainer = "operations/Trainer.cs";
    public const string Helper = "operations/Helper.cs";
    public const string Test = "operations/Test.cs";
    public const string Unused = "datatypes/Unused.cs";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        [Train] = """
            namespace Own;

            // Counts itself in the tally file and answers a helper's value.
            [Operation(Category = "Test")]
            public sealed class Train(string tally = "") : Trainer
            {
                [return: Output("total")]
                public double Execute()
                {
                    File.AppendAllText(tally, "Train\n");
                    return Helper.Twice(Offset);
                }
            }
            """,
        [Trainer] = """
            namespace Own;

            public abstract class Trainer : Operation
            {
                protected double Offset => 21;
            }
            """,
        [Helper] = """
            namespace Own;

            public static class Helper
            {
                public static double Twice(double value) => value * 2;
            }
            """,
        [Test] = """
            namespace Own;

            // Scores nothing.
            public sealed class Test : Operation
            {
                [return: Output("score")]
                public double Execute() => 1;
            }
            """,
        [Unused] = """
            namespace Own;

            public sealed record Unused(int Value);
            """,
    };

    /// <summary>The project with one file's text replaced by <paramref name="edit"/> of it.</summary>
    public static ProjectDefinition Create(string tally, string? file = null, Func<string, string>? edit = null) => new()
    {
        Name = "own",
        Pipelines = [TestProjects.Pipeline().Op("train", "Train", ("tally", tally)).Output("out", "total").Wire("train.total", "out.data")],
        Sources = Sources.Select(s => new SourceFile(s.Key, s.Key == file && edit != null ? edit(s.Value) : s.Value)).ToList(),
    };
}
