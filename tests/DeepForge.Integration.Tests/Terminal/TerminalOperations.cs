namespace DeepForge.Integration.Tests.Terminal;

/// <summary>Operations for the terminal tests: one that reports progress, one that talks before and after a release file appears.</summary>
internal static class TerminalOperations
{
    public const string FileName = "TerminalOperations.cs";

    public const string Source = """
        [Operation(Category = "Test")]
        public sealed class Count(int steps = 5) : Operation
        {
            [return: Output("value")]
            public int Execute(OperationContext context)
            {
                for (var i = 1; i <= steps; i++)
                {
                    Thread.Sleep(100);
                    context.Progress(i, steps, $"loss {1.0 / i:0.00}");
                }
                context.Graph("Loss").Line("loss").Add(1, 1.0).Add(2, 0.5);
                return steps;
            }
        }

        [Operation(Category = "Test")]
        public sealed class Length : Operation
        {
            [return: Output("length")]
            public int Execute(string text) => text.Length;
        }

        [Operation(Category = "Test")]
        public sealed class Gate(string marker, string release) : Operation
        {
            [return: Output("text")]
            public string Execute(OperationContext context)
            {
                Console.WriteLine("before the gate");
                File.WriteAllText(marker, "waiting");
                var deadline = DateTime.UtcNow.AddMinutes(5);
                while (!File.Exists(release))
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException($"{release} did not appear within 5 minutes");
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(50);
                }
                Console.WriteLine("after the gate");
                return new string('x', 20000);
            }
        }
        """;
}
