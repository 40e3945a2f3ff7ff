using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using DeepForge.Torch.Data;
using DeepForge.Torch.Hosting;
using TorchSharp;
using static TorchSharp.torch;

public enum Optimizer { Sgd, Adam }

/// <summary>
/// Trains an architecture on labelled images with negative log likelihood (the network ends in
/// LogSoftmax), drawing the graph "Training Error" as it goes.
/// </summary>
[Operation(Category = "Training", Description = "Trains a network on labelled images and draws the training error")]
public sealed class Train(Architecture net, [Range(0, double.MaxValue, MinimumIsExclusive = true)] double learningRate = 0.001,
    [Range(1, int.MaxValue)] int epochs = 2, [Range(1, int.MaxValue)] int batchSize = 64,
    Optimizer optimizer = Optimizer.Adam, int seed = 1) : Operation
{
    [return: Output("net")]
    public Model Execute(ImageDataset trainingData, OperationContext context)
    {
        random.manual_seed(seed);
        var device = context.TorchDevice();
        var model = new Model(net);
        var module = model.Module;
        module.to(device); // before the optimizer is made: it must hold the parameters on the device
        module.train();
        using var step = CreateOptimizer(module.parameters());
        var error = context.Graph("Training Error").XLabel("iteration").YLabel("loss").Line("error");
        Console.WriteLine($"training {net.Name} on {context.Device} for {epochs} epochs, learning rate {learningRate}, batch size {batchSize}, {optimizer}");
        var clock = Stopwatch.StartNew();
        long iteration = 0;
        var first = 1;
        // A run after a crash, a lost worker or a failed attempt continues from the last epoch it finished.
        if (context.LastCheckpoint<TrainingCheckpoint>() is { } saved && saved.Epoch < epochs)
        {
            saved.Restore(module, step);
            (first, iteration) = (saved.Epoch + 1, saved.Iteration);
            Console.WriteLine($"resuming at epoch {first} of {epochs} (the checkpoint after epoch {saved.Epoch})");
        }
        for (var epoch = first; epoch <= epochs; epoch++)
        {
            var (sum, batches) = (0.0, 0);
            var perEpoch = (trainingData.Count + batchSize - 1) / batchSize;
            using var order = randperm(trainingData.Count);
            for (long start = 0; start < trainingData.Count; start += batchSize)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, trainingData.Count - start));
                var loss = nn.functional.nll_loss(module.forward(trainingData.Images.index_select(0, index).to(device)), trainingData.Labels.index_select(0, index).to(device));
                step.zero_grad();
                loss.backward();
                step.step();
                var value = loss.item<float>();
                (sum, batches) = (sum + value, batches + 1);
                if (++iteration % 20 == 0) error.Add(iteration, value);
                context.Progress(batches, perEpoch, $"epoch {epoch}/{epochs} loss {value:0.0000} {iteration * batchSize / clock.Elapsed.TotalSeconds:0} images/s");
            }
            if (epoch < epochs) context.Checkpoint(TrainingCheckpoint.Of(epoch, iteration, module, step));
            Console.WriteLine($"epoch {epoch}/{epochs}: mean loss {sum / batches:0.0000} ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        var trained = trainingData.Count * (long)(epochs - first + 1);
        Console.WriteLine($"trained on {trained} images in {clock.Elapsed.TotalSeconds:0.0} s ({trained / clock.Elapsed.TotalSeconds:0} images/s)");
        module.eval();
        module.to(CPU); // stored models are device-independent
        return model;
    }

    private TorchSharp.Modules.OptimizerHelper CreateOptimizer(IEnumerable<TorchSharp.Modules.Parameter> parameters) => optimizer switch
    {
        Optimizer.Sgd => optim.SGD(parameters, learningRate, momentum: 0.9),
        _ => optim.Adam(parameters, learningRate),
    };
}
