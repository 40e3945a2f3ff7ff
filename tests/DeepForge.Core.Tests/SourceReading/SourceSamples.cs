using DeepForge.Catalog;
using DeepForge.Compilation;
using DeepForge.Compilation.Reading;
using DeepForge.Compilation.Roslyn;
using DeepForge.Models;

namespace DeepForge.Core.Tests.SourceReading;

/// <summary>Sample operation sources, and the interface reflection reads from the same code compiled.</summary>
internal static class SourceSamples
{
    /// <summary>Every kind of attribute and reference, BCL and project port types, context parameters, an optional input.</summary>
    public const string Train = """
        namespace Samples;

        public enum Mode { Slow = 2, Fast = 1, Off = -1 }

        public sealed record Point(int X, int Y);

        public sealed class Outer
        {
            public sealed class Inner { }
        }

        [Operation(Name = "Fit", Category = "Training", Description = "fits a model", Labels = new[] { "gpu", "big" }, Cacheable = false)]
        public sealed class Train(Architecture net, double learningRate = 0.001, int epochs = 5, bool shuffle = true, string tag = "x",
            Mode mode = Mode.Fast, Mode? fallback = null, Mode last = Mode.Off, long? seed = 42, float momentum = 0.5f, decimal decay = 1.25m,
            short batches = 3, string? note = null, double scale = 1) : Operation
        {
            [return: Output("net")]
            public string[] Execute(List<int> values, Dictionary<string, Point[]> lookup, Outer.Inner inner, (int, string) pair,
                OperationContext context, int? limit = null, CancellationToken cancellationToken = default) =>
                [net.Name, $"{learningRate}{epochs}{shuffle}{tag}{mode}{fallback}{last}{seed}{momentum}{decay}{batches}{note}{scale}",
                 $"{values.Count}{lookup.Count}{inner}{pair}{limit}"];
        }
        """;

    /// <summary>Tuples, async returns, no return, several constructors.</summary>
    public const string Shapes = """
        namespace Samples.Shapes;

        public sealed class Split : Operation
        {
            public (int[] even, int[] odd) Execute(int[] values) =>
                (values.Where(v => v % 2 == 0).ToArray(), values.Where(v => v % 2 != 0).ToArray());
        }

        public sealed class SplitDeclared : Operation
        {
            [return: Output("left", "right")]
            public async ValueTask<(double, double)> ExecuteAsync(double[] values)
            {
                await Task.Yield();
                return (values.Min(), values.Max());
            }
        }

        public sealed class Load : Operation
        {
            public async Task<List<int[]>> ExecuteAsync(string path, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return [path.Select(c => (int)c).ToArray()];
            }
        }

        public sealed class Pick : Operation
        {
            private readonly int _count;

            public Pick() : this(1, "a") { }

            public Pick(int count, string label) => (_count, Label) = (count, label);

            private Pick(int count, string label, bool hidden, double extra) : this(count, label) { }

            public string Label { get; }

            public void Execute(byte[]? data, int[,] grid) => Console.WriteLine($"{_count}{data}{grid}");
        }

        public sealed class Wait : Operation
        {
            public Task ExecuteAsync(OperationContext context) => Task.Delay(1, context.CancellationToken);
        }
        """;

    /// <summary>Ranges in each form RangeAttribute takes: ints, doubles with an exclusive bound, a type and strings.</summary>
    public const string Ranged = """
        using System.ComponentModel.DataAnnotations;

        namespace Samples.Ranged;

        public sealed class Ranged(
            [Range(1, 10000)] int epochs = 5,
            [Range(0, double.MaxValue, MinimumIsExclusive = true)] double learningRate = 0.001,
            [Range(typeof(double), "0.5", "2", MaximumIsExclusive = true)] double scale = 1,
            [Range(1, 3)] string name = "x",
            long plain = 7) : Operation
        {
            public string Execute() => $"{epochs}{learningRate}{scale}{name}{plain}";
        }
        """;

    public static SourceFile File(string path, string text) => new(path, text);

    /// <summary>The port reflection gives for a value of that type.</summary>
    public static PortDescriptor Port(string name, Type type) => new(name, DataTypeNames.Of(type), DataTypeNames.Display(type));

    /// <summary>Compiles the sources (under the name source reading uses), loads them and reads every operation by reflection.</summary>
    public static Dictionary<string, OperationDescriptor> Reflect(IReadOnlyList<SourceFile> sources)
    {
        var (image, errors, _) = RoslynCompiler.Emit(RoslynCompiler.Create(SourceOperationReader.AssemblyNameOf(sources), sources));
        Assert.True(image != null, string.Join(Environment.NewLine, errors));
        var hash = SourceHasher.Hash(sources);
        var assembly = new ProjectLoadContext(hash).LoadFromStream(new MemoryStream(image));
        return ReflectionOperationReader.FindOperationTypes(assembly)
            .Select(t => ReflectionOperationReader.Read(t, "project", hash).Descriptor)
            .ToDictionary(d => d.Name);
    }

    /// <summary>The descriptor as JSON: records holding lists and JSON values do not compare by value.</summary>
    public static string Json(OperationDescriptor descriptor) =>
        System.Text.Json.JsonSerializer.Serialize(descriptor, new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        });

    /// <summary>The 1-based line and column of the first <paramref name="text"/> in the source (after <paramref name="after"/> when given).</summary>
    public static (int Line, int Column) PositionOf(string source, string text, string? after = null)
    {
        var start = after == null ? 0 : source.IndexOf(after, StringComparison.Ordinal);
        var index = source.IndexOf(text, start, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the source");
        var before = source[..index].Replace("\r\n", "\n");
        var line = before.Count(c => c == '\n') + 1;
        return (line, index - before.LastIndexOf('\n'));
    }
}
