namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>The code a new custom layer or data type starts from.</summary>
internal static class SourceTemplates
{
    public static string Layer(string name) => $$"""
        using TorchSharp;
        using static TorchSharp.torch;

        /// <summary>
        /// A custom layer. The constructor's parameters are its attributes in the architecture editor
        /// (numbers, booleans, strings, enums, long[]; a Module parameter is a nested architecture),
        /// and so are setters that return the layer.
        /// </summary>
        public sealed class {{name}} : nn.Module<Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> linear;
            private double scale = 1;

            public {{name}}(long in_features, long out_features) : base(nameof({{name}}))
            {
                linear = nn.Linear(in_features, out_features);
                RegisterComponents();
            }

            public {{name}} Scale(double value)
            {
                scale = value;
                return this;
            }

            public override Tensor forward(Tensor input)
            {
                using var output = linear.call(input);
                return output.mul(scale);
            }
        }

        """;

    public static string DataType(string name) => $$"""
        using System.Text;

        /// <summary>
        /// A data type of this project: operations take and return it. Without a serializer it would be
        /// stored as JSON; the serializer below chooses how it is stored instead.
        /// </summary>
        public class {{name}}
        {
            public string Label { get; set; } = "";

            public List<double> Values { get; set; } = [];
        }

        public sealed class {{name}}Serializer : IDataSerializer<{{name}}>
        {
            public void Serialize({{name}} value, Stream stream)
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(value.Label);
                writer.Write(value.Values.Count);
                foreach (var v in value.Values) writer.Write(v);
            }

            public {{name}} Deserialize(Stream stream)
            {
                using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                var value = new {{name}} { Label = reader.ReadString() };
                var count = reader.ReadInt32();
                for (var i = 0; i < count; i++) value.Values.Add(reader.ReadDouble());
                return value;
            }
        }

        """;
}
