using DeepForge.Designer.Artifacts;

namespace DeepForge.Designer.Tests.Artifacts;

public sealed class ArtifactFormatTests
{
    [Theory]
    [InlineData("DeepForge.Data.DataFile", "DataFile")]
    [InlineData("System.Double[]", "Double[]")]
    [InlineData("System.Collections.Generic.List`1[[System.Int32, System.Private.CoreLib, Version=10.0.0.0]]", "List")]
    [InlineData("TorchSharp.torch+Tensor", "Tensor")]
    [InlineData("Plain", "Plain")]
    public void Type_names_show_the_last_segment_without_generic_arguments(string stored, string shown) =>
        Assert.Equal(shown, ArtifactFormat.TypeName(stored));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(25_165_824, "24.0 MB")]
    public void Sizes_use_the_largest_unit_that_keeps_the_number_at_least_one(long bytes, string shown) =>
        Assert.Equal(shown, ArtifactFormat.Size(bytes));
}
