namespace RectifyFlows.Storage.Reports;

/// <summary>A report's sign-off; <see cref="Created"/> is false when it was already signed off before.</summary>
public sealed record ReportSignoff(string SignedBy, DateTimeOffset SignedAt, bool Created);
