using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OnnxPredictions;

/// <summary>An ONNX model loaded once; ONNX Runtime's sessions may run requests in parallel.</summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly int[] _imageShape;
    private readonly string[] _classes;

    public OnnxModel(string path, string[] classes)
    {
        _session = new InferenceSession(path);
        var (name, metadata) = _session.InputMetadata.Single();
        _input = name;
        // The first dimension is the batch; the rest is one image.
        _imageShape = metadata.Dimensions.Skip(1).ToArray();
        _classes = classes;
    }

    private int ImageSize => _imageShape.Aggregate(1, (a, b) => a * b);

    public object Describe() => new { input = _input, imageShape = _imageShape, output = _session.OutputMetadata.Keys.Single(), classes = _classes };

    /// <summary>What is wrong with a request, or null.</summary>
    public string? Check(PredictRequest request)
    {
        if (request.Images is not { Length: > 0 } images) return "no images: send {\"images\": [[...], ...]}";
        for (var i = 0; i < images.Length; i++)
            if (images[i]?.Length != ImageSize)
                return $"image {i} has {images[i]?.Length ?? 0} numbers; this model takes {ImageSize} ({string.Join(" x ", _imageShape)})";
        return null;
    }

    public IReadOnlyList<Prediction> Predict(PredictRequest request)
    {
        var images = request.Images!;
        var batch = new DenseTensor<float>(images.SelectMany(i => i).ToArray(), [images.Length, .. _imageShape]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, batch)]);
        var scores = results.Single().AsTensor<float>();
        var perImage = scores.Dimensions[1];
        return Enumerable.Range(0, images.Length).Select(i =>
        {
            var row = Enumerable.Range(0, perImage).Select(c => scores[i, c]).ToArray();
            var best = Array.IndexOf(row, row.Max());
            return new Prediction(best, best < _classes.Length ? _classes[best] : null, row);
        }).ToList();
    }

    public void Dispose() => _session.Dispose();
}
