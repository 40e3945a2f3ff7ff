namespace DeepForge.Benchmarks;

/// <summary>One round of bench train: the bare loop and the pipeline run back to back, the pipeline's phases, and the compute threads each loop ran on.</summary>
internal sealed record TrainRound(TrainSample Direct, TrainSample Pipeline, TrainPhases Phases, string Threads);
