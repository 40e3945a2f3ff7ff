namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// The distributed tests run one at a time and apart from the other test classes: each starts a
/// server and workers as processes, and on two cores they would otherwise slow each other past
/// the leases and the cancel bound they check.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributedCollection
{
    public const string Name = "Distributed";
}
