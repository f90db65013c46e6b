using RectifyFlows.Domain.Time;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>When a message on a quiet channel may go out: now, or the end of the current quiet hours in China Standard Time.</summary>
public static class QuietHours
{
    /// <summary>Null when the message may be sent at <paramref name="now"/>; otherwise the instant the quiet hours end.</summary>
    public static DateTimeOffset? DeferUntil(DateTimeOffset now, string channel, QuietHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || !options.Channels.Contains(channel, StringComparer.OrdinalIgnoreCase) || options.Start == options.End)
        {
            return null;
        }

        var local = ChinaTime.ToChinaTime(now);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var overnight = options.Start > options.End;
        var quiet = overnight ? time >= options.Start || time < options.End : time >= options.Start && time < options.End;
        if (!quiet)
        {
            return null;
        }

        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (overnight && time >= options.Start)
        {
            endDay = endDay.AddDays(1);
        }

        return new DateTimeOffset(endDay.ToDateTime(options.End), local.Offset);
    }
}
