using System.Globalization;
using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Storage.Cycles;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Api.Leads;

/// <summary>
/// Reminders about leads through the notification port: one to the owner unit when a lead is assigned (keyed by lead
/// and version), and one a day per overdue lead without a disposition (keyed by lead and China date) to its owner, or
/// to the district office while nobody owns it. The keys make every run idempotent: the outbox stores each once.
/// </summary>
public sealed partial class LeadReminders(
    LeadRepository leads, PlanDirectoryRepository plans, RecipientDirectory recipients, INotificationPort notifications,
    TimeProvider time, ILogger<LeadReminders> logger)
{
    public const string AssignedKind = "leadAssigned";
    public const string OverdueKind = "leadOverdue";

    public async Task<int> AssignedAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var message = await recipients.ToUnitAsync(lead.OwnerUnitId!, AssignedKind,
            string.Create(CultureInfo.InvariantCulture, $"lead|{lead.Id}|assigned|v{lead.Version}"),
            $"【线索交办】{lead.Subject}",
            $"问题线索“{lead.Subject}”（编号{lead.Id}，来源：{lead.Source}）已交你单位办理，请于{Date(lead.Deadline)}前办结，"
            + "并报送处置结果（立案、了结或移送）。", cancellationToken);
        return await notifications.EnqueueAsync([message], cancellationToken);
    }

    /// <summary>Today's reminders for every overdue lead; returns how many messages were new (0 on a second run the same day).</summary>
    public async Task<int> RemindOverdueAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var messages = new List<OutboxMessage>();
        var offices = (await plans.ListAsync(cancellationToken)).Select(p => p.DistrictId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var lead in await leads.ListOverdueAsync(today, cancellationToken))
        {
            var days = today.DayNumber - lead.Deadline.DayNumber;
            var key = string.Create(CultureInfo.InvariantCulture, $"lead|{lead.Id}|overdue|{today:yyyy-MM-dd}");
            var subject = $"【线索逾期】{lead.Subject}";
            var body = lead.OwnerUnitId is null
                ? $"问题线索“{lead.Subject}”（编号{lead.Id}）已超过办理时限{Date(lead.Deadline)}{days}天，仍未交办，请尽快指定承办单位。"
                : $"问题线索“{lead.Subject}”（编号{lead.Id}）已超过办理时限{Date(lead.Deadline)}{days}天，仍无处置结果，请立即办理并报送（立案、了结或移送）。逾期线索未处置前，月报不能签发。";
            foreach (var recipient in lead.OwnerUnitId is { } owner ? [owner] : offices)
            {
                messages.Add(await recipients.ToUnitAsync(recipient, OverdueKind, key, subject, body, cancellationToken));
            }
        }

        var written = messages.Count == 0 ? 0 : await notifications.EnqueueAsync(messages, cancellationToken);
        LogChecked(today, messages.Count, written);
        return written;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue leads checked for {Today}: {Reminders} reminders, {Written} new")]
    private partial void LogChecked(DateOnly today, int reminders, int written);
}
