namespace RectifyFlows.Domain.Plans;

/// <summary>方面问题: one finding of the inspection, with the text the feedback gave.</summary>
public sealed record Problem(string Id, string CategoryId, string Number, string Title, string Finding, bool LongTerm);
