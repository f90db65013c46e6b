using System.Globalization;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.MonthlyCycle;

/// <summary>
/// Opens one office's round: asks each of the office's supervision teams to inspect (one message per team and month),
/// notes the teams whose results are already stored, and fixes when the window closes. An office without teams (a
/// township's plan) has nothing to collect: its cycle goes straight to the bulletin.
/// </summary>
public sealed class OpenMonthlyRoundActivity(
    UnitRepository units,
    InspectionResultRepository results,
    INotificationPort notifications,
    ContactResolver contacts,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
    : WorkflowActivity<OfficePeriod, MonthlyRound>
{
    protected override async Task<MonthlyRound> ExecuteAsync(OfficePeriod input, CancellationToken ct)
    {
        var month = input.Period;
        var closesAt = WindowClosesAt(month, options.Value, time.GetUtcNow());
        var office = await units.GetAsync(input.OfficeId, ct);
        var teams = (office?.Teams ?? []).Select(t => (t.Id, t.Name, t.Contact)).ToList();

        var deadline = ChinaTime.ToChinaTime(closesAt).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        await notifications.EnqueueAsync(
            [.. teams.Select(team => contacts.To(ContactResolver.Person(team.Id, team.Name, team.Contact), MessageKeys.InspectionRequest(month, input.OfficeId),
                NotificationTemplates.InspectionRequestOf(team.Name, month, deadline)))], ct);

        var ids = teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var already = (await results.ListByMonthAsync(month, ct)).Select(r => r.TeamId).Where(ids.Contains).Distinct(StringComparer.Ordinal).ToList();
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
