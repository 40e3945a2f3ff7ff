namespace DeepForge.Cli.Remote;

/// <summary>Who a token signs in as, from GET /api/v1/auth/me.</summary>
internal sealed record RemotePerson(string Name, string Role);
