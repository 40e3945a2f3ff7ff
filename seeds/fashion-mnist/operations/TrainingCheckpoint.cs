using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

/// <summary>What Train needs to continue after an epoch: the weights, the optimizer's state (Adam's moments, SGD's momentum) and where it was.</summary>
public sealed record TrainingCheckpoint(int Epoch, long Iteration, byte[] Weights, byte[] OptimizerState)
{
    public static TrainingCheckpoint Of(int epoch, long iteration, nn.Module module, OptimizerHelper optimizer) =>
        new(epoch, iteration, Write(w => module.save(w)), Write(w => optimizer.save_state_dict(w)));

    /// <summary>
    /// Puts the weights back, steps a fresh schedule once per batch already trained, so the learning rate (and
    /// 1cycle's momentum) continue where the checkpointed run was, then puts the optimizer's state back.
    /// </summary>
    public void Restore(nn.Module module, OptimizerHelper optimizer, optim.lr_scheduler.LRScheduler? schedule)
    {
        using (var weights = new BinaryReader(new MemoryStream(Weights))) module.load(weights);
        // The schedule first: some schedules (cosine) compute each rate from the one before, so they must be replayed
        // from the fresh optimizer's rate; the state loaded after it holds the same rate.
        for (long step = 0; step < Iteration; step++) schedule?.step();
        using var state = new BinaryReader(new MemoryStream(OptimizerState));
        optimizer.load_state_dict(state);
    }

    private static byte[] Write(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) write(writer);
        return stream.ToArray();
    }
}
