using System.Net;
using DeepForge.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DeepForge.Server.Hosting;

/// <summary>The address the server listens on, from <see cref="DeepForgeServerOptions.Urls"/> or Host and Port.</summary>
internal sealed record ServerEndpoint(string Host, int Port)
{
    public static ServerEndpoint From(DeepForgeServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Urls)) return new ServerEndpoint(options.Host.Trim(), options.Port);
        var address = BindingAddress.Parse(options.Urls.Trim());
        return new ServerEndpoint(address.Host, address.Port);
    }

    /// <summary>Null when the host can be listened on, else why not.</summary>
    public static string? HostProblem(string host) =>
        host is "localhost" or "*" or "+" || IPAddress.TryParse(host, out _) ? null
            : $"'{host}' is not an IP address, 'localhost' or '*'";

    /// <summary>Whether only this machine can reach the address.</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    public void ListenOn(KestrelServerOptions kestrel, DeepForgeServerOptions options)
    {
        var certificate = Certificates.Load(options);
        Action<ListenOptions> https = listen => { if (certificate != null) listen.UseHttps(certificate); };
        // localhost is the IPv4 loopback: Kestrel cannot bind localhost (both families) to a dynamic port.
        if (Host is "*" or "+") kestrel.ListenAnyIP(Port, https);
        else kestrel.Listen(Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(Host), Port, https);
    }
}
