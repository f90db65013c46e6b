using System.Net;
using System.Net.Sockets;

namespace RectifyFlows.Host.Durable;

/// <summary>The sidecar's loopback port, fixed at composition so the worker's and client's gRPC channel can be built then.</summary>
public sealed class DurableSidecarAddress
{
    public DurableSidecarAddress(int configuredPort)
    {
        Port = configuredPort != 0 ? configuredPort : FreePort();
    }

    public int Port { get; }

    public Uri Uri => new($"http://127.0.0.1:{Port}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
