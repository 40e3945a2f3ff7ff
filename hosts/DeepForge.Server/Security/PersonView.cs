namespace DeepForge.Server.Security;

/// <summary>Who a request acts for.</summary>
internal sealed record PersonView(string Name, string Role);
