using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepForge.Benchmarks;

/// <summary>LeNet and its training loop written directly against TorchSharp: the baseline the pipeline operation is compared with.</summary>
internal static class DirectLenet
{
    public static nn.Module<Tensor, Tensor> Build() => nn.Sequential(
        nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
        nn.LogSoftmax(1));

    /// <summary>
    /// The same training as the cifar10 seed's Train operation, as a careful user writes it by hand: the same seed,
    /// a shuffle per epoch (randperm), each batch gathered by index_select from the whole float32 dataset, NLL loss,
    /// Adam, a dispose scope per batch, the loss read back each batch. What Train does beyond this is DeepForge's:
    /// progress, graph points, the log, a checkpoint after each epoch (see <see cref="CheckpointMs"/>).
    /// </summary>
    public static void Train(Tensor images, Tensor labels, int epochs, int batchSize, double learningRate, int seed)
    {
        random.manual_seed(seed);
        using var module = Build();
        module.train();
        using var step = optim.Adam(module.parameters(), learningRate);
        var count = images.shape[0];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            using var order = randperm(count);
            for (long start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, count - start));
                var loss = nn.functional.nll_loss(module.forward(images.index_select(0, index)), labels.index_select(0, index));
                step.zero_grad();
                loss.backward();
                step.step();
                loss.item<float>();
            }
        }
    }

    /// <summary>
    /// Milliseconds to serialise <paramref name="count"/> checkpoints of a trained lenet as the seed's TrainingCheckpoint
    /// does on the training thread (weights and Adam's state into memory), apart from storing them, which runs beside.
    /// </summary>
    public static double CheckpointMs(int count)
    {
        random.manual_seed(1);
        using var module = Build();
        using var step = optim.Adam(module.parameters(), 0.001);
        using (var scope = NewDisposeScope())
        {
            nn.functional.nll_loss(module.forward(randn(8, 3, 32, 32)), randint(0, 10, 8, ScalarType.Int64)).backward();
            step.step(); // Adam's moments exist only after a step
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            Serialise(w => module.save(w));
            Serialise(w => step.save_state_dict(w));
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static byte[] Serialise(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) write(writer);
        return stream.ToArray();
    }
}
