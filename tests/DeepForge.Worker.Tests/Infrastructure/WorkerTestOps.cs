using DeepForge.Models;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>The C# operations the worker tests run, as project source that Roslyn compiles at run time.</summary>
internal static class WorkerTestOps
{
    public const string Source = """
        namespace WorkerTestOps;

        public sealed class Numbers(int count = 3) : Operation
        {
            [return: Output("values")]
            public int[] Execute() => Enumerable.Range(1, count).ToArray();
        }

        public sealed class Scale(double factor = 2) : Operation
        {
            [return: Output("scaled")]
            public double[] Execute(int[] values) => values.Select(v => v * factor).ToArray();
        }

        public sealed class Sum : Operation
        {
            [return: Output("total")]
            public double Execute(double[] values) => values.Sum();
        }

        public sealed class Talk(string message = "hello", int lines = 3) : Operation
        {
            [return: Output("count")]
            public int Execute(OperationContext context)
            {
                for (var i = 0; i < lines; i++) Console.WriteLine($"{message} {i}");
                var line = context.Graph("Loss").Line("train");
                line.Add(0, 1.0);
                line.Add(1, 0.5);
                Console.Error.WriteLine("a line on stderr");
                return lines;
            }
        }

        public sealed class Diverge : Operation
        {
            [return: Output("loss")]
            public double Execute(OperationContext context)
            {
                context.Graph("Loss").Line("train").Add(0, 2.5).Add(1, double.NaN).Add(2, double.NegativeInfinity);
                return double.NaN;
            }
        }

        public sealed class Crash(string how = "failfast") : Operation
        {
            [return: Output("values")]
            public int[] Execute()
            {
                Console.WriteLine("about to crash");
                switch (how)
                {
                    case "failfast":
                        Environment.FailFast("boom from the job");
                        break;
                    case "exit137":
                        Environment.Exit(137);
                        break;
                    case "sigkill":
                        // What the out-of-memory killer does: SIGKILL, no chance to clean up.
                        using (var kill = System.Diagnostics.Process.Start("kill", $"-9 {Environment.ProcessId}")) kill.WaitForExit();
                        Thread.Sleep(Timeout.Infinite);
                        break;
                }
                throw new InvalidOperationException("boom from the job");
            }
        }

        public sealed class Pid : Operation
        {
            // Which process ran the job, and in which folder.
            [return: Output("values")]
            public int[] Execute() => [Environment.ProcessId, File.Exists("job.json") ? 1 : 0];
        }

        public sealed class Hang(string pidFile = "") : Operation
        {
            [return: Output("values")]
            public async Task<int[]> ExecuteAsync(OperationContext context)
            {
                // A grandchild, as a data loader or a tool would start: it must die with the job.
                var sleeper = System.Diagnostics.Process.Start("sleep", "600");
                File.WriteAllText(pidFile + ".tmp", $"{Environment.ProcessId} {sleeper.Id}");
                File.Move(pidFile + ".tmp", pidFile);
                Console.WriteLine("hanging");
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return [];
            }
        }

        public sealed class Quiet(int milliseconds = 1000) : Operation
        {
            [return: Output("values")]
            public async Task<int[]> ExecuteAsync(OperationContext context)
            {
                await Task.Delay(milliseconds, context.CancellationToken);
                return [milliseconds];
            }
        }

        public sealed class Slow(int milliseconds = 1500) : Operation
        {
            [return: Output("values")]
            public async Task<int[]> ExecuteAsync(int[] values, OperationContext context)
            {
                for (var waited = 0; waited < milliseconds; waited += 100)
                {
                    Console.WriteLine($"waited {waited} ms");
                    await Task.Delay(100, context.CancellationToken);
                }
                return values;
            }
        }
        """;

    public static IReadOnlyList<SourceFile> Sources { get; } = [new("ops/WorkerTestOps.cs", Source)];
}
