namespace RectifyFlows.Api.Measures;

// Request bodies as read: nullable, so that validation names a missing field instead of defaulting it.
#pragma warning disable CA1002, CA2227 // DTOs of the JSON contract.

/// <summary><c>POST /api/measures/{id}/progress</c>.</summary>
public sealed class ProgressRequest
{
    public int? Percent { get; set; }
    public string? Note { get; set; }
}

/// <summary><c>POST /api/measures/{id}/evidence</c>.</summary>
public sealed class EvidenceRequest
{
    public string? Text { get; set; }
    public string? EffectiveDate { get; set; }
    public List<AttachmentRequest?>? Attachments { get; set; }
}

/// <summary>An attachment of evidence.</summary>
public sealed class AttachmentRequest
{
    public string? Name { get; set; }
    public string? Url { get; set; }
}

/// <summary><c>POST /api/measures/{id}/signoff</c>.</summary>
public sealed class SignOffRequest
{
    public string? Decision { get; set; }
    public string? Comment { get; set; }
    public string? NewDueDate { get; set; }
}
/// <summary><c>POST /api/measures/{id}/extension</c>.</summary>
public sealed class ExtensionRequest
{
    public string? NewDueDate { get; set; }
    public string? Reason { get; set; }
}

/// <summary><c>POST /api/measures/{id}/extension/decision</c>.</summary>
public sealed class ExtensionDecisionRequest
{
    public bool? Approve { get; set; }
    public string? Comment { get; set; }
}
#pragma warning restore CA1002, CA2227
