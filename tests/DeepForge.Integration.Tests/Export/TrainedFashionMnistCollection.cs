namespace DeepForge.Integration.Tests.Export;

/// <summary>The tests that share one trained fashion-mnist project: training runs once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedFashionMnistCollection : ICollectionFixture<TrainedFashionMnist>
{
    public const string Name = "trained fashion-mnist";
}
