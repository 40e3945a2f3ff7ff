using System.ComponentModel.DataAnnotations;
using DeepForge.Torch.Data;
using DeepForge.Torch.Hosting;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// Tests a trained network: prints how many test images it gets right overall, then the accuracy of each class, and
/// reports both as metrics (the execution page shows them as a table and a chart).
/// </summary>
[Operation(Category = "Evaluation", Description = "Prints overall and per-class accuracy on the test set")]
public sealed class Test([Range(1, int.MaxValue)] int batchSize = 500) : Operation
{
    [return: Output("classScores")]
    public double[] Execute(string[] classes, Model net, ImageDataset testingData, OperationContext context)
    {
        var device = context.TorchDevice();
        var module = net.Module;
        module.to(device);
        module.eval();
        var correct = new long[classes.Length];
        var total = new long[classes.Length];
        using (no_grad())
            for (long start = 0; start < testingData.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(batchSize, testingData.Count - start);
                var predicted = module.forward(testingData.Images.narrow(0, start, count).to(device)).argmax(1).cpu().data<long>().ToArray();
                var actual = testingData.Labels.narrow(0, start, count).data<long>().ToArray();
                for (var i = 0; i < count; i++)
                {
                    total[actual[i]]++;
                    if (predicted[i] == actual[i]) correct[actual[i]]++;
                }
            }
        var right = correct.Sum();
        var all = total.Sum();
        Console.WriteLine($"{right} / {all} correct ({100.0 * right / all:0.00} %)");
        var scores = classes.Select((_, c) => total[c] == 0 ? 0 : 100.0 * correct[c] / total[c]).ToArray();
        for (var c = 0; c < classes.Length; c++) Console.WriteLine($"{classes[c]} {scores[c]:0.00} %");
        context.Metric("accuracy", (double)right / all);
        for (var c = 0; c < classes.Length; c++) context.Metric($"accuracy/{classes[c]}", scores[c] / 100);
        return scores;
    }
}
