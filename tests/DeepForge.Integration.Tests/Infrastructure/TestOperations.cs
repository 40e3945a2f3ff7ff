namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>Small operations the tests' seeds compile at run time, as a user's project code would be.</summary>
internal static class TestOperations
{
    public const string FileName = "TestOperations.cs";

    public const string Source = """
        /// <summary>Appends "name start" and "name done" to the counter file; waits for the release file first when one is named.</summary>
        [Operation(Category = "Test")]
        public sealed class Step(string counter, string name, string release = "") : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context, int value = 0)
            {
                File.AppendAllText(counter, $"{name} start\n");
                if (release.Length > 0)
                {
                    var deadline = DateTime.UtcNow.AddMinutes(5);
                    while (!File.Exists(release))
                    {
                        if (DateTime.UtcNow > deadline) throw new TimeoutException($"{release} did not appear within 5 minutes");
                        context.CancellationToken.ThrowIfCancellationRequested();
                        Thread.Sleep(50);
                    }
                }
                File.AppendAllText(counter, $"{name} done\n");
                return value + 1;
            }
        }

        /// <summary>Writes the marker file, then runs until the execution is cancelled (five minutes at most).</summary>
        [Operation(Category = "Test")]
        public sealed class Spin(string marker) : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context)
            {
                File.WriteAllText(marker, "spinning");
                var deadline = DateTime.UtcNow.AddMinutes(5);
                while (DateTime.UtcNow < deadline)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(50);
                }
                throw new TimeoutException("nobody cancelled within 5 minutes");
            }
        }

        [Operation(Category = "Test")]
        public sealed class GiveText : Operation
        {
            [return: Output("text")]
            public string Execute() => "forty-two";
        }

        [Operation(Category = "Test")]
        public sealed class TakeNumber : Operation
        {
            [return: Output("doubled")]
            public int Execute(int number) => number * 2;
        }

        [Operation(Category = "Test")]
        public sealed class Repeat(int times = 1) : Operation
        {
            [return: Output("text")]
            public string Execute() => string.Concat(Enumerable.Repeat("x", times));
        }
        """;
}
