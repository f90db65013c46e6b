namespace RectifyFlows.Domain.Plans;

/// <summary>大类: the top grouping of findings. <see cref="Inferred"/> when the source does not name it.</summary>
public sealed record Category(string Id, string Title, bool Inferred);
