using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using DeepForge.Torch.Data;
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
        var model = new Model(net);
        var module = model.Module;
        module.train();
        using var step = CreateOptimizer(module.parameters());
        var error = context.Graph("Training Error").XLabel("iteration").YLabel("loss").Line("error");
        Console.WriteLine($"training {net.Name} for {epochs} epochs, learning rate {learningRate}, batch size {batchSize}, {optimizer}");
        var clock = Stopwatch.StartNew();
        long iteration = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var (sum, batches) = (0.0, 0);
            using var order = randperm(trainingData.Count);
            for (long start = 0; start < trainingData.Count; start += batchSize)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, trainingData.Count - start));
                var loss = nn.functional.nll_loss(module.forward(trainingData.Images.index_select(0, index)), trainingData.Labels.index_select(0, index));
                step.zero_grad();
                loss.backward();
                step.step();
                var value = loss.item<float>();
                (sum, batches) = (sum + value, batches + 1);
                if (++iteration % 20 == 0) error.Add(iteration, value);
            }
            Console.WriteLine($"epoch {epoch}/{epochs}: mean loss {sum / batches:0.0000} ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        Console.WriteLine($"trained on {trainingData.Count * (long)epochs} images in {clock.Elapsed.TotalSeconds:0.0} s ({trainingData.Count * (double)epochs / clock.Elapsed.TotalSeconds:0} images/s)");
        module.eval();
        return model;
    }

    private optim.Optimizer CreateOptimizer(IEnumerable<TorchSharp.Modules.Parameter> parameters) => optimizer switch
    {
        Optimizer.Sgd => optim.SGD(parameters, learningRate, momentum: 0.9),
        _ => optim.Adam(parameters, learningRate),
    };
}
