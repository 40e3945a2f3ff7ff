using DeepForge.Models;

namespace DeepForge.Core.Tests;

/// <summary>The C# operations test projects carry as source; DeepForge compiles them with Roslyn at run time.</summary>
internal static class TestOperations
{
    /// <summary>
    /// Operations that take a <c>tally</c> attribute append their name to that file each time they
    /// execute, so a test can count executions without timing.
    /// </summary>
    public const string Source = """
        namespace TestOps;

        public static class Tally
        {
            public static void Count(string path, string what)
            {
                if (path.Length > 0) File.AppendAllText(path, what + "\n");
            }
        }

        [Operation(Category = "Test", Description = "1..count")]
        public sealed class Numbers(int count = 3, string tally = "") : Operation
        {
            [return: Output("values")]
            public int[] Execute()
            {
                Tally.Count(tally, "Numbers");
                return Enumerable.Range(1, count).ToArray();
            }
        }

        public sealed class Scale(double factor = 1, string tally = "") : Operation
        {
            [return: Output("scaled")]
            public double[] Execute(int[] values)
            {
                Tally.Count(tally, "Scale");
                return values.Select(v => v * factor).ToArray();
            }
        }

        public sealed class Sum(string tally = "") : Operation
        {
            [return: Output("total")]
            public double Execute(double[] values)
            {
                Tally.Count(tally, "Sum");
                return values.Sum();
            }
        }

        public sealed class Shout(string message = "hello") : Operation
        {
            public void Execute()
            {
                Console.WriteLine(message);
                Console.Out.Flush();
            }
        }

        public sealed class Plot : Operation
        {
            public void Execute(OperationContext context)
            {
                var graph = context.Graph("Loss").XLabel("step").YLabel("loss");
                var line = graph.Line("train");
                line.Add(0, 1.0);
                line.Add(1, 0.5);
                line.Add(2, 0.25);
                context.Image("first batch", new ImageData(2, 1, 1, [0, 255])).Title("first batch, scaled");
            }
        }

        public sealed class Fail(string message = "boom", string tally = "") : Operation
        {
            [return: Output("values")]
            public int[] Execute(int[] values)
            {
                Tally.Count(tally, "Fail");
                throw new InvalidOperationException(message);
            }
        }

        public sealed class Wait(string started = "") : Operation
        {
            [return: Output("values")]
            public async Task<int[]> ExecuteAsync(int[] values, OperationContext context)
            {
                if (started.Length > 0) File.WriteAllText(started, "started");
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return values;
            }
        }

        public sealed class Meet(string name = "") : Operation
        {
            private static readonly Barrier Gate = new(2);

            [return: Output("values")]
            public int[] Execute(int[] values)
            {
                if (!Gate.SignalAndWait(TimeSpan.FromSeconds(20)))
                    throw new TimeoutException($"{name}: the other Meet node did not run at the same time");
                return values;
            }
        }

        [Operation(Cacheable = false)]
        public sealed class Fresh(string tally = "") : Operation
        {
            [return: Output("values")]
            public int[] Execute()
            {
                Tally.Count(tally, "Fresh");
                return [7, 8];
            }
        }

        public sealed class Split : Operation
        {
            public (int[] even, int[] odd) Execute(int[] values) =>
                (values.Where(v => v % 2 == 0).ToArray(), values.Where(v => v % 2 != 0).ToArray());
        }

        public sealed class CountAsync : Operation
        {
            [return: Output("count")]
            public async Task<int> ExecuteAsync(int[] values, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return values.Length;
            }
        }

        public sealed class NoteAsync(string tally = "") : Operation
        {
            public async Task ExecuteAsync(int[] values)
            {
                await Task.Yield();
                Tally.Count(tally, "NoteAsync");
            }
        }

        public sealed class CountValueTask : Operation
        {
            [return: Output("count")]
            public async ValueTask<int> ExecuteAsync(int[] values)
            {
                await Task.Yield();
                return values.Length;
            }
        }

        public sealed class UsesNet(Architecture net) : Operation
        {
            [return: Output("name")]
            public string Execute() => net.Name;
        }

        /// <summary>A training run whose loss diverged: NaN and infinite points, and NaN returned.</summary>
        public sealed class Diverge : Operation
        {
            [return: Output("loss")]
            public double Execute(OperationContext context)
            {
                context.Graph("Loss").Line("train").Add(0, 1.5).Add(1, double.NaN).Add(2, double.PositiveInfinity).Add(3, double.NegativeInfinity);
                return double.NaN;
            }
        }

        /// <summary>Reports metrics as a Test operation would: an overall accuracy reported twice (the last counts), one per class, and a NaN loss.</summary>
        public sealed class Score(double accuracy = 0.9183) : Operation
        {
            [return: Output("accuracy")]
            public double Execute(OperationContext context)
            {
                context.Metric("accuracy", 0.5);
                context.Metric("accuracy/cat", 0.75);
                context.Metric("loss", double.NaN);
                context.Metric("accuracy", accuracy);
                return accuracy;
            }
        }

        public enum Shade { Light, Dark }

        /// <summary>Attributes with declared ranges, as operations write them.</summary>
        public sealed class Tune(
            [System.ComponentModel.DataAnnotations.Range(1, 100)] int epochs = 1,
            [System.ComponentModel.DataAnnotations.Range(0, double.MaxValue, MinimumIsExclusive = true)] double rate = 0.1,
            [System.ComponentModel.DataAnnotations.Range(0, double.PositiveInfinity)] double limit = 1,
            double scale = 1, float gain = 1, Shade shade = Shade.Light) : Operation
        {
            [return: Output("value")]
            public double Execute() => epochs * rate * limit * scale * gain * (int)shade;
        }
        """;

    public static SourceFile File => new("ops/TestOps.cs", Source);
}
