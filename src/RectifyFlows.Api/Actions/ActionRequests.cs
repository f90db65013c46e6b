using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Actions;

#pragma warning disable CA1002 // DTOs of the JSON contract.

/// <summary>
/// <c>POST /api/actions/{unitId}/{actionId}/completion</c>: the action was carried out on <c>completedOn</c> (China date;
/// today when absent), as <c>note</c> tells, with <c>attachments</c> as proof (约谈记录、检查材料).
/// </summary>
public sealed record ActionCompletionRequest(string? Note, string? CompletedOn, List<AttachmentRequest?>? Attachments);
