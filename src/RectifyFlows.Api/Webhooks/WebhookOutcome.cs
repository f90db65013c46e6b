using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// What a webhook made of a delivery: accepted with the id of what it stored, refused with a problem (nothing stored),
/// or — for a webhook that records its own events — answered with the first response stored for the event id.
/// </summary>
public sealed record WebhookOutcome
{
    private WebhookOutcome(string? id, IResult? problem, StoredResponse? answer)
    {
        Id = id;
        Problem = problem;
        Answer = answer;
    }

    public string? Id { get; }
    public IResult? Problem { get; }
    public StoredResponse? Answer { get; }

    public static WebhookOutcome Accepted(string id) => new(id, null, null);

    public static WebhookOutcome Refused(IResult problem) => new(null, problem, null);

    /// <summary>The event and its response are stored (now or by an earlier delivery of it); <paramref name="first"/> is the answer.</summary>
    public static WebhookOutcome Answered(StoredResponse first) => new(null, null, first);

    /// <summary>
    /// A delivery that fails validation: refused with the errors, unless it replays an accepted event, which gets its
    /// first answer even if it would not pass today (its unit since removed, say). <paramref name="firstAnswer"/> is
    /// null when the delivery cannot name a stored event (no valid event id or partition); only a refused delivery pays the read.
    /// </summary>
    public static async Task<WebhookOutcome> RefusedUnlessReplayedAsync(ValidationErrors errors, Func<Task<StoredResponse?>>? firstAnswer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return firstAnswer is not null && await firstAnswer() is { } earlier
            ? Answered(earlier)
            : Refused(Problems.Validation(errors.ToDictionary()));
    }

    /// <summary>
    /// <see cref="RefusedUnlessReplayedAsync(ValidationErrors, Func{Task{StoredResponse}})"/> for an event stored in its
    /// month's partition: <paramref name="find"/> (month, event id) is asked only when the body names a valid event id and month.
    /// </summary>
    public static Task<WebhookOutcome> RefusedUnlessReplayedAsync(
        ValidationErrors errors, string? eventId, string? month, Func<string, string, Task<StoredResponse?>> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        return RefusedUnlessReplayedAsync(errors, eventId is not null && WebhookEventIds.IsValid(eventId) && CyclePeriods.TryParseMonth(month, out _)
            ? () => find(month!, eventId)
            : null);
    }
}
