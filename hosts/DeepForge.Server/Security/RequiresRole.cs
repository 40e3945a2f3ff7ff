using DeepForge.Identity;

namespace DeepForge.Server.Security;

/// <summary>Endpoint metadata: the role an endpoint needs when it is not the usual (viewer to read, editor to change).</summary>
internal sealed record RequiresRole(PersonRole Role);
