namespace DeepForge.Server.Api.Health;

/// <summary>Whether the server can serve: the store answers and the blob folder takes writes; Problems says what is wrong.</summary>
internal sealed record ReadyReport(bool Ready, IReadOnlyList<string> Problems);
