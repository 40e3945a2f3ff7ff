namespace DeepForge.Benchmarks;

/// <summary>
/// Milliseconds of one pipeline run of bench train by phase: <see cref="Create"/> the execution made (pipeline checked,
/// project code compiled or found compiled, records written), <see cref="Start"/> until the train node runs (claim,
/// project code, records), <see cref="Input"/> until its loop starts (input read and hashed, network and optimizer
/// built), <see cref="Loop"/> the epochs (with progress, graph points and a checkpoint after each epoch but the last),
/// <see cref="Output"/> until the node succeeded (model serialised and stored, checkpoints flushed, records written),
/// <see cref="Finish"/> until the run returned (output artifact, execution record).
/// </summary>
internal sealed record TrainPhases(double Create, double Start, double Input, double Loop, double Output, double Finish);
