namespace RectifyFlows.Domain.Plans;

/// <summary>A file that backs evidence, by name and URL.</summary>
public sealed record Attachment(string Name, string Url);
