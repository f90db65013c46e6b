using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Testing;

/// <summary>
/// An accountability action as <c>GET api/actions</c> lists it (api.md, ActionHandlers): <see cref="Kind"/> is the
/// product's <see cref="ActionKind"/>, <see cref="KindName"/> its Chinese name, <see cref="Source"/> the cycle or
/// ladder that opened it (<c>monthly-ganxian-2017-03</c>); <see cref="Status"/> is one of <see cref="ActionStatuses"/>;
/// <see cref="Completion"/> is how it was carried out once done (ADR 0021), <see cref="History"/> its changes since opened.
/// </summary>
public sealed record ActionView(
    string Id, string UnitId, string? PersonId, ActionKind Kind, string KindName, string Reason, string Source,
    DateOnly DueDate, DateTimeOffset OpenedAt, string Status, ActionCompletion? Completion, IReadOnlyList<ActionHistoryEntry> History);
