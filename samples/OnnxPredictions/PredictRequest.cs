namespace OnnxPredictions;

/// <summary>Images to predict, each flattened in the model's input layout (for Fashion-MNIST 1 x 28 x 28 = 784 numbers, normalised as in training).</summary>
public sealed record PredictRequest(float[][]? Images);
