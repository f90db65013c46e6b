using RectifyFlows.Domain.Time;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// The fire times of the ladder for a due date. In production a step at offset k fires at 09:00 China Standard Time
/// on due date + k days (office hours). When days are compressed (Fast profile), the due date is counted from
/// the moment the ladder is loaded: a step fires at now + (due date − today + k) × day length.
/// </summary>
public static class EscalationLadder
{
    public static IReadOnlyList<EscalationStep> Steps(DateOnly dueDate, EscalationLadderOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var offsets = options.ReminderDaysBefore.Where(d => d > 0).Distinct().OrderByDescending(d => d)
            .Select(d => ($"reminder-{d}", -d))
            .Append((EscalationStep.Level1, 0))
            .Append((EscalationStep.Level2, options.Level2DaysAfter))
            .Append((EscalationStep.Level3, Math.Max(options.Level3DaysAfter, options.Level2DaysAfter + 1)));
        var today = ChinaTime.DateOf(now);
        return [.. offsets.Select(o => new EscalationStep(o.Item1, o.Item2, FireAt(dueDate, o.Item2, options, now, today))).OrderBy(s => s.FireAt)];
    }

    private static DateTimeOffset FireAt(DateOnly dueDate, int offsetDays, EscalationLadderOptions options, DateTimeOffset now, DateOnly today)
    {
        if (options.Compressed)
        {
            return now + options.DayLength * (dueDate.DayNumber - today.DayNumber + offsetDays);
        }

        var local = dueDate.AddDays(offsetDays).ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
