using Microsoft.Extensions.Options;
using Quartz;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Host.Scheduling;

/// <summary>The fire times of the host's Quartz schedules: the same cron and zone its triggers are built from.</summary>
public sealed class QuartzCycleFireTimes(IOptions<ScheduleOptions> options) : ICycleFireTimes
{
    public IReadOnlyList<DateTimeOffset> Between(CycleKind kind, DateTimeOffset after, DateTimeOffset upTo)
    {
        var expression = new CronExpression(options.Value.CronOf(kind), TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        var fires = new List<DateTimeOffset>();
        var next = expression.GetNextValidTimeAfter(after);
        for (var i = 0; i < 10_000 && next is { } fire && fire <= upTo; i++)
        {
            fires.Add(fire);
            next = expression.GetNextValidTimeAfter(fire);
        }

        return fires;
    }
}
