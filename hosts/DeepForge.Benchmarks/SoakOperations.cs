namespace DeepForge.Benchmarks;

/// <summary>
/// The project <c>bench soak</c> edits and runs: Make writes a text of a given size (a new blob per seed), which Measure
/// reads on the worker (so it passes through the worker's cache); each edit changes Make's source, so each is a new
/// version of the project's code.
/// </summary>
internal static class SoakOperations
{
    public const string Project = "soak";
    public const string Pipeline = "soak";
    public const string MakePath = "operations/Make.cs";
    public const string MeasurePath = "operations/Measure.cs";

    /// <summary>Make's source at edit <paramref name="edit"/>: the edit number is in the code, so every edit compiles anew.</summary>
    public static string Make(int edit) => $$"""
        /// <summary>A text of the given length, the same for the same seed (soak edit {{edit}}).</summary>
        [Operation(Category = "Soak")]
        public sealed class Make(int length, int seed) : Operation
        {
            private const int Edit = {{edit}};

            [return: Output("text")]
            public string Execute()
            {
                var random = new Random(seed * 7919 + Edit);
                var chars = new char[length];
                for (var i = 0; i < length; i++) chars[i] = (char)('a' + random.Next(26));
                return new string(chars);
            }
        }
        """;

    public const string Measure = """
        /// <summary>The length of a text.</summary>
        [Operation(Category = "Soak")]
        public sealed class Measure : Operation
        {
            [return: Output("length")]
            public int Execute(string text) => text.Length;
        }
        """;
}
