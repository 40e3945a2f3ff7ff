namespace DeepForge.Core.Tests;

/// <summary>
/// Tests that measure the process's managed heap run alone: another test allocating at the same moment (the verified-blob
/// limit test holds about 10 MB) would be counted as their growth.
/// </summary>
[CollectionDefinition(nameof(HeapMeasuring), DisableParallelization = true)]
public sealed class HeapMeasuring;
