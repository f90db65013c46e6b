using Microsoft.Extensions.Logging;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Plans;
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
    public const string AssignedKind = NotificationTemplates.LeadAssigned;
    public const string OverdueKind = NotificationTemplates.LeadOverdue;

    public async Task<int> AssignedAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var message = await recipients.ToUnitAsync(lead.OwnerUnitId!,
            MessageKeys.LeadAssigned(lead.Id, lead.Version),
            NotificationTemplates.LeadAssignedOf(lead.Id, lead.Subject, lead.Source, lead.Deadline), cancellationToken);
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
            var key = MessageKeys.LeadOverdue(lead.Id, today);
            var content = NotificationTemplates.LeadOverdueOf(lead.Id, lead.Subject, lead.Deadline, days, assigned: lead.OwnerUnitId is not null);
            foreach (var recipient in lead.OwnerUnitId is { } owner ? [owner] : offices)
            {
                messages.Add(await recipients.ToUnitAsync(recipient, key, content, cancellationToken));
            }
        }

        var written = messages.Count == 0 ? 0 : await notifications.EnqueueAsync(messages, cancellationToken);
        LogChecked(today, messages.Count, written);
        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue leads checked for {Today}: {Reminders} reminders, {Written} new")]
    private partial void LogChecked(DateOnly today, int reminders, int written);
}
