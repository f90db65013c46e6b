using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Measures;

// Request bodies as read: nullable, so that validation names a missing field instead of defaulting it.
#pragma warning disable CA1002 // DTOs of the JSON contract.

/// <summary><c>POST /api/measures/{id}/progress</c>.</summary>
public sealed record ProgressRequest(int? Percent, string? Note);

/// <summary><c>POST /api/measures/{id}/evidence</c>.</summary>
public sealed record EvidenceRequest(string? Text, string? EffectiveDate, List<AttachmentRequest?>? Attachments);

/// <summary><c>POST /api/measures/{id}/signoff</c>.</summary>
public sealed record SignOffRequest(string? Decision, string? Comment, string? NewDueDate);

/// <summary><c>POST /api/measures/{id}/extension</c>.</summary>
public sealed record ExtensionRequest(string? NewDueDate, string? Reason);

/// <summary><c>POST /api/measures/{id}/extension/decision</c>.</summary>
public sealed record ExtensionDecisionRequest(bool? Approve, string? Comment);
#pragma warning restore CA1002
