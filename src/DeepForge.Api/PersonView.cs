namespace DeepForge.Api;

/// <summary>Who a request acts for.</summary>
public sealed record PersonView(string Name, string Role);
