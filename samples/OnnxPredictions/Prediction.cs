namespace OnnxPredictions;

/// <summary>One image's prediction: the index of the highest score, its class name when the server was given names, and the scores.</summary>
public sealed record Prediction(int Class, string? Label, float[] Scores);
