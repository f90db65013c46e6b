using Microsoft.AspNetCore.Http;

namespace RectifyFlows.Api.Webhooks;

/// <summary>What a webhook made of a delivery: accepted with the id of what it stored, or refused with a problem (nothing stored).</summary>
public sealed record WebhookOutcome
{
    private WebhookOutcome(string? id, IResult? problem)
    {
        Id = id;
        Problem = problem;
    }

    public string? Id { get; }
    public IResult? Problem { get; }

    public static WebhookOutcome Accepted(string id) => new(id, null);

    public static WebhookOutcome Refused(IResult problem) => new(null, problem);
}
