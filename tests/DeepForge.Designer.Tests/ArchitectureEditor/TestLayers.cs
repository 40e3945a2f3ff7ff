namespace DeepForge.Designer.Tests.ArchitectureEditor;

/// <summary>Custom layer sources as a person would write them in the custom layer editor.</summary>
internal static class TestLayers
{
    /// <summary>A layer with a module-typed constructor parameter: its attribute is a nested architecture.</summary>
    public const string Residual = """
        using TorchSharp;
        using static TorchSharp.torch;

        public sealed class Residual : nn.Module<Tensor, Tensor>
        {
            private readonly nn.Module<Tensor, Tensor> inner;

            public Residual(nn.Module<Tensor, Tensor> inner, double scale = 1.0) : base(nameof(Residual))
            {
                this.inner = inner;
                Scale = scale;
                RegisterComponents();
            }

            public double Scale { get; }

            public override Tensor forward(Tensor input)
            {
                using var inside = inner.call(input);
                return input.add(inside.mul(Scale));
            }
        }
        """;
}
