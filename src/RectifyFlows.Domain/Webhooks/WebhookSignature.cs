using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// <c>X-RectifyFlows-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> with v1 = HMAC-SHA256(secret, t + "." + raw body)
/// (api.md). The timestamp bounds replays in time; the event id bounds them in storage.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-RectifyFlows-Signature";

    /// <summary>The header value for a body, as a sender computes it.</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>Null when valid; otherwise why not (for the 401 problem detail).</summary>
    public static string? Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, int toleranceSeconds)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return $"the {HeaderName} header is missing.";
        }

        string? t = null, v1 = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair is ["t", var time])
            {
                t = time;
            }
            else if (pair is ["v1", var mac])
            {
                v1 = mac;
            }
        }

        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "the signature header must be t=<unix seconds>,v1=<hex>.";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > toleranceSeconds)
        {
            return $"the signature timestamp is more than {toleranceSeconds} s away from now.";
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return "v1 is not hexadecimal.";
        }

        return CryptographicOperations.FixedTimeEquals(presented, Mac(secret, t, body)) ? null : "the signature does not match the body.";
    }

    private static byte[] Mac(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
