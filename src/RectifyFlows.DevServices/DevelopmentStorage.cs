namespace RectifyFlows.DevServices;

/// <summary>
/// Recognises a connection string that points at the local storage emulator — "UseDevelopmentStorage=true" or the
/// well-known devstoreaccount1 on loopback — and reads the ports Azurite must listen on to serve it.
/// </summary>
public static class DevelopmentStorage
{
    public const int DefaultBlobPort = 10000;
    public const int DefaultQueuePort = 10001;
    public const int DefaultTablePort = 10002;

    /// <summary>The emulator ports the connection string needs, or null when it is not the emulator.</summary>
    public static (int Blob, int Queue, int Table)? Ports(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var use) && string.Equals(use, "true", StringComparison.OrdinalIgnoreCase))
        {
            return (DefaultBlobPort, DefaultQueuePort, DefaultTablePort);
        }

        if (!parts.TryGetValue("AccountName", out var account) || account != "devstoreaccount1")
        {
            return null;
        }

        var blob = LoopbackPort(parts, "BlobEndpoint", DefaultBlobPort);
        var queue = LoopbackPort(parts, "QueueEndpoint", DefaultQueuePort);
        var table = LoopbackPort(parts, "TableEndpoint", DefaultTablePort);
        return blob is null || queue is null || table is null ? null : (blob.Value, queue.Value, table.Value);
    }

    private static int? LoopbackPort(Dictionary<string, string> parts, string key, int fallback)
    {
        if (!parts.TryGetValue(key, out var endpoint))
        {
            return fallback;
        }

        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback ? uri.Port : null;
    }
}
