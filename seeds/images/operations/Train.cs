using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using DeepForge.Torch.Data;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Images;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// Trains an architecture (ending in LogSoftmax) on images streamed batch by batch from disk, each batch randomly
/// cropped, flipped and normalised; reports progress within each epoch, draws the training error and checkpoints
/// after every epoch.
/// </summary>
[Operation(Category = "Training", Description = "Trains a network on streamed images with random crops, flips and normalisation")]
public sealed class Train(Architecture net, [Range(0, double.MaxValue, MinimumIsExclusive = true)] double learningRate = 0.002,
    [Range(1, int.MaxValue)] int epochs = 8, [Range(1, int.MaxValue)] int batchSize = 32, [Range(0, 16)] int cropPadding = 4,
    bool flip = true, double mean = 0.5, [Range(0, double.MaxValue, MinimumIsExclusive = true)] double std = 0.25, int seed = 1) : Operation
{
    [return: Output("net")]
    public Model Execute(ImageBatches trainingData, OperationContext context)
    {
        random.manual_seed(seed);
        var device = context.TorchDevice();
        var model = new Model(net);
        var module = model.Module;
        module.to(device); // before the optimizer is made: it must hold the parameters on the device
        module.train();
        using var step = optim.Adam(module.parameters(), learningRate);
        var error = context.Graph("Training Error").XLabel("iteration").YLabel("loss").Line("error");
        Console.WriteLine($"training {net.Name} on {context.Device} for {epochs} epochs: {trainingData.Count} images of {trainingData.Classes.Length} classes ({string.Join(", ", trainingData.Classes)}), batch size {batchSize}, learning rate {learningRate}");
        var clock = Stopwatch.StartNew();
        var (first, iteration) = (1, 0L);
        // A run after a crash, a lost worker or a failed attempt continues from the last epoch it finished.
        if (context.LastCheckpoint<TrainingCheckpoint>() is { } saved && saved.Epoch < epochs)
        {
            saved.Restore(module, step);
            (first, iteration) = (saved.Epoch + 1, saved.Iteration);
            Console.WriteLine($"resuming at epoch {first} of {epochs} (the checkpoint after epoch {saved.Epoch})");
        }
        var perEpoch = (trainingData.Count + batchSize - 1) / batchSize;
        for (var epoch = first; epoch <= epochs; epoch++)
        {
            var (sum, batches, right) = (0.0, 0, 0L);
            // Chunks in a new order each epoch, images shuffled within them: only a chunk is in memory at a time.
            foreach (var read in trainingData.Batches(batchSize, shuffleSeed: seed * 1000 + epoch))
            {
                using var batch = read;
                using var scope = NewDisposeScope();
                context.CancellationToken.ThrowIfCancellationRequested();
                var images = Augmentation.Normalise(Augmentation.RandomCropAndFlip(batch.Images, cropPadding, flip), mean, std).to(device);
                var labels = batch.Labels.to(device);
                var output = module.forward(images);
                CheckOutputs(output, trainingData.Classes);
                var loss = nn.functional.nll_loss(output, labels);
                step.zero_grad();
                loss.backward();
                step.step();
                var value = loss.item<float>();
                right += output.argmax(1).eq(labels).sum().item<long>();
                (sum, batches) = (sum + value, batches + 1);
                if (++iteration % 5 == 0) error.Add(iteration, value);
                context.Progress(batches, perEpoch, $"epoch {epoch}/{epochs} loss {value:0.0000}");
            }
            if (epoch < epochs) context.Checkpoint(TrainingCheckpoint.Of(epoch, iteration, module, step));
            Console.WriteLine($"epoch {epoch}/{epochs}: mean loss {sum / batches:0.0000}, training accuracy {100.0 * right / trainingData.Count:0.00} % ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        module.eval();
        module.to(CPU); // stored models are device-independent
        return model;
    }

    private void CheckOutputs(Tensor output, string[] classes)
    {
        if (output.shape.Length != 2 || output.shape[1] < classes.Length)
            throw new InvalidOperationException($"{net.Name} gives {(output.shape.Length == 2 ? output.shape[1] : 0)} outputs per image but the images have {classes.Length} classes: set the out_features of its last Linear layer to at least {classes.Length}");
    }
}
