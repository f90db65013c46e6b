using System.Globalization;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// Row keys inside a plan's ledger partition (and the audit rows every other partitioned table shares). Each kind has
/// its own <see cref="RowPrefix"/>, so that one range query reads one kind.
/// </summary>
public static class LedgerKeys
{
    public const string PlanRow = "plan";

    public static readonly RowPrefix Categories = new("category|");
    public static readonly RowPrefix Problems = new("problem|");
    public static readonly RowPrefix Measures = new("measure|");
    public static readonly RowPrefix EvidenceRows = new("evidence|");
    public static readonly RowPrefix Audits = new("audit|");

    /// <summary>Evidence rows of a measure sort by the measure version that recorded them.</summary>
    public static string Evidence(string measureId, long version, int index) =>
        EvidenceOf(measureId).Key(string.Create(CultureInfo.InvariantCulture, $"{version:D10}|{index:D3}"));

    public static RowPrefix EvidenceOf(string measureId) => EvidenceRows.Then(measureId);

    /// <summary>Audit rows of an entity, in time order; the version makes keys of concurrent writers distinct.</summary>
    public static string Audit(string entityKind, string entityId, DateTimeOffset at, long version, int index) =>
        AuditOf(entityKind, entityId).Key(string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}|{version:D10}|{index:D3}"));

    public static RowPrefix AuditOf(string entityKind, string entityId) => Audits.Then(entityKind).Then(entityId);

    /// <summary>An OData filter selecting the rows of one prefix in one partition (see <see cref="RowPrefix.Filter"/>).</summary>
    public static string PrefixFilter(string partitionKey, string prefix) => new RowPrefix(prefix).Filter(partitionKey);
}
