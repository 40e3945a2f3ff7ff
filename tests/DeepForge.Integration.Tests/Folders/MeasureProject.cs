namespace DeepForge.Integration.Tests.Folders;

/// <summary>
/// A small project with an operation, a custom layer and a custom data type, laid out as a folder: the pipeline
/// 'measure' runs the layer on ones(1, 3) and writes the reading (label and sum) to a file through the data type.
/// Before any edit the file says "v1:6".
/// </summary>
internal static class MeasureProject
{
    public const string Operations = """
        using DeepForge.Torch.Data;
        using static TorchSharp.torch;

        [Operation(Category = "Test")]
        public sealed class Measure(Architecture net) : Operation
        {
            [return: Output("reading")]
            public Reading Execute()
            {
                using var model = new Model(net);
                using var output = model.Forward(ones(1, 3));
                return new Reading("v1", output.sum().item<float>());
            }
        }

        [Operation(Category = "Test")]
        public sealed class Report(string file) : Operation
        {
            [return: Output("text")]
            public string Execute(Reading reading)
            {
                File.WriteAllText(file, reading.Describe());
                return reading.Describe();
            }
        }
        """;

    public const string Layer = """
        using TorchSharp;
        using static TorchSharp.torch;

        public sealed class Scale : nn.Module<Tensor, Tensor>
        {
            private readonly double _factor;

            public Scale(double factor = 2.0) : base(nameof(Scale))
            {
                _factor = factor;
                RegisterComponents();
            }

            public override Tensor forward(Tensor input) => input.mul(_factor);
        }
        """;

    public const string DataType = """
        public sealed record Reading(string Label, double Value)
        {
            public string Describe() => $"{Label}:{Value}";
        }

        public sealed class ReadingSerializer : IDataSerializer<Reading>
        {
            public void Serialize(Reading value, Stream stream)
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                writer.Write(value.Label);
                writer.Write(value.Value);
            }

            public Reading Deserialize(Stream stream)
            {
                using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                return new Reading(reader.ReadString(), reader.ReadDouble());
            }
        }
        """;

    public const string Architecture = """
        { "name": "net", "inputShape": [3], "layers": [ { "id": "scale", "type": "Scale", "attributes": { "factor": 2 } } ] }
        """;

    public static string Pipeline(string file) => $$"""
        {
          "name": "measure",
          "nodes": [
            { "id": "measure", "operation": "Measure", "references": { "net": "net" } },
            { "id": "report", "operation": "Report", "attributes": { "file": {{System.Text.Json.JsonSerializer.Serialize(file)}} } }
          ],
          "connections": [ { "from": "measure.reading", "to": "report.reading" } ]
        }
        """;

    /// <summary>Writes the project into <paramref name="directory"/> (a folder never pulled: push makes it a new project).</summary>
    public static void WriteTo(string directory, string reportFile)
    {
        Write(directory, "operations/Measure.cs", Operations);
        Write(directory, "layers/Scale.cs", Layer);
        Write(directory, "datatypes/Reading.cs", DataType);
        Write(directory, "architectures/net.json", Architecture);
        Write(directory, "pipelines/measure.json", Pipeline(reportFile));
        Write(directory, "project.json", """{ "description": "measures a custom layer" }""");
    }

    public static void Write(string directory, string relative, string text)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces <paramref name="from"/> by <paramref name="to"/> in a file of the folder, failing when it is not there.</summary>
    public static void Edit(string directory, string relative, string from, string to)
    {
        var path = Path.Combine(directory, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
