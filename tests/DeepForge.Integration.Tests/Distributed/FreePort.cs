using System.Net;
using System.Net.Sockets;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>A loopback port nothing listens on now (the system's choice of a free one).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
