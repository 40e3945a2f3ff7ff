namespace DeepForge.Server.Hosting;

/// <summary>Registered once by AddDeepForgeServer, so a second call adds nothing twice.</summary>
internal sealed class ServerMarker;
