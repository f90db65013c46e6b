using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Opens the round: finds every supervision team of every plan, asks each to inspect (one message per team and month),
/// notes the teams whose results are already stored, and fixes when the window closes.
/// </summary>
public sealed class OpenMonthlyRoundActivity(
    PlanDirectoryRepository plans,
    UnitRepository units,
    InspectionResultRepository results,
    INotificationPort notifications,
    ContactResolver contacts,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : TaskActivity<string, MonthlyRound>
{
    public override async Task<MonthlyRound> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var closesAt = WindowClosesAt(input, options.Value, time.GetUtcNow());
        var teams = new List<(string Id, string Name, Contact? Contact)>();
        foreach (var (_, districtId) in await plans.ListAsync(ct))
        {
            var district = await units.GetAsync(districtId, ct);
            teams.AddRange(district?.Teams.Select(t => (t.Id, t.Name, t.Contact)) ?? []);
        }

        var deadline = ChinaTime.ToChinaTime(closesAt).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        await notifications.EnqueueAsync(
            [.. teams.Select(team => contacts.To(ContactResolver.Person(team.Id, team.Name, team.Contact), $"monthly|{input}|inspection-request",
                NotificationTemplates.InspectionRequestOf(team.Name, input, deadline)))], ct);

        var already = (await results.ListByMonthAsync(input, ct)).Select(r => r.TeamId).Distinct(StringComparer.Ordinal).ToList();
        return new MonthlyRound([.. teams.Select(t => t.Id)], already, closesAt);
    }

    /// <summary>The configured window from now (Fast profile), else the end of the closing day of the month in CST.</summary>
    public static DateTimeOffset WindowClosesAt(string month, WorkflowOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InspectionWindow is { } window)
        {
            return now + window;
        }

        if (!CyclePeriods.TryParseMonth(month, out var first))
        {
            throw new ArgumentException($"'{month}' is not a month (yyyy-MM).", nameof(month));
        }

        var end = first.AddDays(options.InspectionWindowClosesOnDay).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(end, ChinaTime.Zone.GetUtcOffset(end)).ToUniversalTime();
    }
}
