namespace RectifyFlows.Notifications.Dispatch;

/// <summary>Masks addresses for logs: <c>z***@ganxian.gov.cn</c>, <c>138****5678</c>.</summary>
public static class Mask
{
    public static string Address(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "(none)";
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return address[..1] + "***" + address[at..];
        }

        return address.Length <= 7 ? "***" : address[..3] + "****" + address[^4..];
    }
}
