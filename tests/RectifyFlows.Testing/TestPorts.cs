using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RectifyFlows.Testing;

/// <summary>
/// Ports for servers the tests start with a fixed port (MailDev, the host's Kestrel, Azurite on a known port).
/// </summary>
/// <remarks>
/// Asking the OS for port 0 and releasing it hands out a port of the ephemeral range, and between the release and
/// the server's bind any outgoing connection of the test assemblies running in parallel may take it as its local
/// port (CI lost a run to exactly that: MailDev's <c>EADDRINUSE</c>). These ports come from below the ephemeral
/// range, which the OS never gives to outgoing connections, and each is claimed across processes by an exclusive
/// lock on a file that is released when the process ends, so two test processes never pick the same one.
/// </remarks>
public static class TestPorts
{
    private const int RangeSize = 10_000;
    private static readonly string LockFolder = Path.Combine(Path.GetTempPath(), "rectifyflows-test-ports");
    private static readonly List<FileStream> Claims = [];
    private static readonly Lock Gate = new();
    private static int _next = -1;

    /// <summary>A port no other test process has claimed and nothing listens on now.</summary>
    public static int Next()
    {
        var (first, last) = Range();
        lock (Gate)
        {
            if (_next < 0)
            {
                // A random start per process: parallel assemblies rarely contend for the same lock file.
                _next = first + Random.Shared.Next(last - first + 1);
            }

            Directory.CreateDirectory(LockFolder);
            for (var tried = 0; tried <= last - first; tried++)
            {
                var port = _next;
                _next = port == last ? first : port + 1;
                if (TryClaim(port, out var claim))
                {
                    if (IsFree(port))
                    {
                        Claims.Add(claim);
                        return port;
                    }

                    claim.Dispose();
                }
            }
        }

        throw new InvalidOperationException($"No free port between {first} and {last}.");
    }

    private static bool TryClaim(int port, out FileStream claim)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock on Unix: held until this process closes the file or ends.
            claim = new FileStream(Path.Combine(LockFolder, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate,
                FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            claim = null!;
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            claim = null!;
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The <see cref="RangeSize"/> ports just below the OS's ephemeral range (Linux's file; 32768 elsewhere).</summary>
    private static (int First, int Last) Range()
    {
        var ephemeralStart = 32768;
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(rangeFile)
            && int.TryParse(File.ReadAllText(rangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
                CultureInfo.InvariantCulture, out var start)
            && start > RangeSize + 1024)
        {
            ephemeralStart = start;
        }

        return (ephemeralStart - RangeSize, ephemeralStart - 1);
    }
}
