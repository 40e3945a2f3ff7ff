namespace DeepForge.Model;

/// <summary>Where an editor draws a node.</summary>
public sealed record NodePosition(double X, double Y);
