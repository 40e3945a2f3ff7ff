using System.Net;
using DeepForge.Hosting;

namespace DeepForge.Server.Security;

/// <summary>
/// The host names the server answers for: loopback names, IP addresses (DNS rebinding needs a name), and those
/// configured in <see cref="DeepForgeServerOptions.AllowedHosts"/>. A web page on another site that gets its name
/// to resolve to this machine sends its own name as Host, and is refused.
/// </summary>
internal sealed class AllowedHosts(DeepForgeServerOptions options)
{
    private readonly HashSet<string> _configured = options.AllowedHosts.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public bool Allows(string host)
    {
        if (_configured.Contains("*")) return true;
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0) return false;
        if (name is "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal)) return true;
        if (IPAddress.TryParse(name.Trim('[', ']'), out _)) return true;
        return _configured.Contains(name);
    }
}
