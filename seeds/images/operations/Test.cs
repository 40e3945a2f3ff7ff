using System.ComponentModel.DataAnnotations;
using DeepForge.Torch.Data;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Images;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// Tests a trained network on streamed test images, normalised as Train normalised them: prints how many it gets right
/// overall, then the accuracy of each class by name, and reports both as metrics.
/// </summary>
[Operation(Category = "Evaluation", Description = "Prints overall and per-class accuracy on the test images")]
public sealed class Test([Range(1, int.MaxValue)] int batchSize = 256, double mean = 0.5, [Range(0, double.MaxValue, MinimumIsExclusive = true)] double std = 0.25) : Operation
{
    [return: Output("classScores")]
    public double[] Execute(Model net, ImageBatches testingData, OperationContext context)
    {
        var device = context.TorchDevice();
        var module = net.Module;
        module.to(device);
        module.eval();
        var classes = testingData.Classes;
        var (correct, total) = (new long[classes.Length], new long[classes.Length]);
        using (no_grad())
            foreach (var read in testingData.Batches(batchSize))
            {
                using var batch = read;
                using var scope = NewDisposeScope();
                var predicted = module.forward(Augmentation.Normalise(batch.Images, mean, std).to(device)).argmax(1).cpu().data<long>().ToArray();
                var actual = batch.Labels.data<long>().ToArray();
                for (var i = 0; i < actual.Length; i++)
                {
                    total[actual[i]]++;
                    if (predicted[i] == actual[i]) correct[actual[i]]++;
                }
            }
        var (right, all) = (correct.Sum(), total.Sum());
        Console.WriteLine($"{right} / {all} correct ({100.0 * right / Math.Max(1, all):0.00} %)");
        var scores = classes.Select((_, c) => total[c] == 0 ? 0 : 100.0 * correct[c] / total[c]).ToArray();
        for (var c = 0; c < classes.Length; c++) Console.WriteLine($"{classes[c]} {scores[c]:0.00} %");
        context.Metric("accuracy", (double)right / Math.Max(1, all));
        for (var c = 0; c < classes.Length; c++) context.Metric($"accuracy/{classes[c]}", scores[c] / 100);
        return scores;
    }
}
