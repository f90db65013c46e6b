namespace RectifyFlows.Testing;

/// <summary>
/// A poverty-alleviation project as <c>GET api/projects</c> lists it (the project ledger; its rates and the township
/// roll-ups of the same answer are not read). <see cref="Status"/> is one of the product's <c>ProjectStatuses</c>.
/// </summary>
public sealed record ProjectView(
    string Id, string Name, string TownshipId, string Status, int Percent, decimal Allocated, decimal Disbursed);
