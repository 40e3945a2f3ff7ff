namespace DeepForge.Models;

/// <summary>Where an editor draws a node.</summary>
public sealed record NodePosition(double X, double Y);
