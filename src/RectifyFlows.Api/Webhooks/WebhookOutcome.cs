using Microsoft.AspNetCore.Http;
using RectifyFlows.Storage.Inspections;

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
}
