namespace RectifyFlows.Notifications.Sms;

/// <summary>
/// How many SMS segments a text takes: GSM-7 text 160 characters in one segment (153 each when concatenated; the
/// extension characters count twice); anything else, Chinese included, is UCS-2: 70 in one segment, 67 each when
/// concatenated.
/// </summary>
public static class SmsSegments
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 1;
        }

        var septets = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                // UCS-2 counts UTF-16 code units, which is what string.Length is.
                return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
            }
        }

        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
