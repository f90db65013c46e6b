namespace RectifyFlows.Domain.Measures;

/// <summary>Domain rule 2: red when overdue; yellow when behind the linear plan or idle; green otherwise.</summary>
public static class ColourRule
{
    public static Colour Evaluate(Measure measure, DateOnly today, ColourOptions options)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(options);

        if (measure.IsOverdue(today))
        {
            return Colour.Red;
        }

        // Done, or waiting for the office: nothing more is asked of the unit right now.
        if (measure.Status is MeasureStatus.SignedOff or MeasureStatus.EvidenceSubmitted)
        {
            return Colour.Green;
        }

        var start = measure.LastVerifiedOn ?? measure.StartDate;
        if (ExpectedProgress(start, measure.EffectiveDueDate, today) - measure.Progress > options.BehindPlanMarginPercent)
        {
            return Colour.Yellow;
        }

        var lastActivity = measure.LastActivityAt is { } at ? Time.ChinaTime.DateOf(at) : start;
        return today.DayNumber - lastActivity.DayNumber > options.IdleDays ? Colour.Yellow : Colour.Green;
    }

    /// <summary>Progress the linear plan expects on <paramref name="today"/>, 0–100.</summary>
    public static double ExpectedProgress(DateOnly start, DateOnly due, DateOnly today)
    {
        var span = due.DayNumber - start.DayNumber;
        if (span <= 0)
        {
            return today >= due ? 100 : 0;
        }

        return Math.Clamp((today.DayNumber - start.DayNumber) * 100.0 / span, 0, 100);
    }
}
