using System.Globalization;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Ledger;

/// <summary>
/// Row keys inside a plan's ledger partition. Each kind has its own prefix so that one range query reads one kind;
/// '|' cannot occur in ids (see <c>Identifiers</c>), and '}' sorts right after it, closing a prefix range.
/// </summary>
public static class LedgerKeys
{
    public const string PlanRow = "plan";
    public const string CategoryPrefix = "category|";
    public const string ProblemPrefix = "problem|";
    public const string MeasurePrefix = "measure|";
    public const string EvidencePrefix = "evidence|";
    public const string AuditPrefix = "audit|";

    public static string Category(string id) => CategoryPrefix + id;

    public static string Problem(string id) => ProblemPrefix + id;

    public static string Measure(string id) => MeasurePrefix + id;

    /// <summary>Evidence rows of a measure sort by the measure version that recorded them.</summary>
    public static string Evidence(string measureId, long version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{EvidencePrefix}{measureId}|{version:D10}|{index:D3}");

    public static string EvidenceOf(string measureId) => $"{EvidencePrefix}{measureId}|";

    /// <summary>Audit rows of an entity, in time order; the version makes keys of concurrent writers distinct.</summary>
    public static string Audit(string entityKind, string entityId, DateTimeOffset at, long version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{AuditPrefix}{entityKind}|{entityId}|{at.UtcTicks:D19}|{version:D10}|{index:D3}");

    public static string AuditOf(string entityKind, string entityId) => $"{AuditPrefix}{entityKind}|{entityId}|";

    /// <summary>An OData filter selecting the rows of one prefix in one partition.</summary>
    public static string PrefixFilter(string partitionKey, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var end = prefix[..^1] + "}";
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {end}");
    }
}
