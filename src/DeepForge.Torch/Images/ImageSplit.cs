namespace DeepForge.Torch.Images;

/// <summary>
/// Splits images into training and test sets class by class (each class keeps the test fraction, and at least one
/// training image), then shuffles each set with the seed, so chunks of a streamed set mix the classes.
/// </summary>
internal static class ImageSplit
{
    public static (LabelledImage[] Training, LabelledImage[] Test) Split(string[] classes, IReadOnlyList<ImageFile> images, double testFraction, int seed)
    {
        var random = new Random(seed);
        var (training, test) = (new List<LabelledImage>(), new List<LabelledImage>());
        for (var label = 0; label < classes.Length; label++)
        {
            var files = images.Where(i => i.Class == classes[label]).OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new LabelledImage(i, label)).ToArray();
            random.Shuffle(files);
            var testCount = Math.Clamp((int)Math.Round(files.Length * testFraction), 0, files.Length - 1);
            test.AddRange(files[..testCount]);
            training.AddRange(files[testCount..]);
        }
        var (trainingSet, testSet) = (training.ToArray(), test.ToArray());
        random.Shuffle(trainingSet);
        random.Shuffle(testSet);
        return (trainingSet, testSet);
    }
}
