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

    /// <summary>The same loop as the cifar10 seed's Train operation: shuffled batches, NLL loss, Adam.</summary>
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
}
