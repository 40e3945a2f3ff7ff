using DeepForge.Designer.Executions;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>Chart tick labels without floating-point noise.</summary>
public sealed class AxisFormatTests
{
    [Theory]
    [InlineData(1.2000000000000002, "1.2")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(0.6000000000000001, "0.6")]
    [InlineData(-0.7999999999999999, "-0.8")]
    public void Tick_DropsFloatNoise_FromAStepSum(double tick, string label) => Assert.Equal(label, AxisFormat.Tick(tick));

    [Theory]
    [InlineData(0.0001234, "0.0001234")]
    [InlineData(12000.0, "12000")]
    [InlineData(0.91834567, "0.91834567")]
    public void Tick_KeepsTheDigitsThatDiffer_WhenTheValueHasNoNoise(double tick, string label) => Assert.Equal(label, AxisFormat.Tick(tick));

    [Fact]
    public void Tick_ShowsACategoryAsItsText_WhenItIsNotANumber() => Assert.Equal("epoch 3", AxisFormat.Tick("epoch 3"));
}
