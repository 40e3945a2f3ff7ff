using DeepForge.Torch.Data;
using static TorchSharp.torch;

/// <summary>Normalises both sets per channel with the training set's mean and standard deviation, and prints them.</summary>
[Operation(Category = "Data", Description = "Per-channel mean/std normalisation computed on the training data")]
public sealed class NormalizeData : Operation
{
    public (ImageDataset trainingData, ImageDataset testingData) Execute(ImageDataset trainingData, ImageDataset testingData)
    {
        using var scope = NewDisposeScope();
        var dims = new long[] { 0, 2, 3 };
        var mean = trainingData.Images.mean(dims, keepdim: true);
        var std = trainingData.Images.std(dims, keepdim: true);
        for (var c = 0; c < mean.shape[1]; c++)
            Console.WriteLine($"channel {c}: mean {mean[0, c, 0, 0].item<float>():0.0000}, standard deviation {std[0, c, 0, 0].item<float>():0.0000}");
        var train = trainingData.Images.sub(mean).div_(std).MoveToOuterDisposeScope();
        var test = testingData.Images.sub(mean).div_(std).MoveToOuterDisposeScope();
        return (new ImageDataset(train, trainingData.Labels.clone(), trainingData.Classes),
                new ImageDataset(test, testingData.Labels.clone(), testingData.Classes));
    }
}
