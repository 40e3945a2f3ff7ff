using DeepForge.Designer.Metrics;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>How the execution page writes a metric's value.</summary>
public sealed class MetricFormatTests
{
    [Theory]
    [InlineData("accuracy", 0.9425, "94.25 %")]
    [InlineData("accuracy/T-shirt/top", 0.975, "97.5 %")]
    [InlineData("precision/cat", 1.0, "100 %")]
    [InlineData("f1_macro", 0.0, "0 %")]
    public void AShare_IsShownInPercent(string name, double value, string shown) => Assert.Equal(shown, MetricFormat.Value(name, value));

    [Theory]
    [InlineData("loss", 0.91830000000000001, "0.9183")]
    [InlineData("accuracy", 1.5, "1.5")] // not a share after all: shown as it is
    [InlineData("accuracy", double.NaN, "NaN")]
    [InlineData("accuracyGain", 0.5, "0.5")]
    public void AnythingElse_IsShownWithFourSignificantDigits(string name, double value, string shown) => Assert.Equal(shown, MetricFormat.Value(name, value));
}
