namespace RectifyFlows.Storage.Reports;

/// <summary>
/// The one place that spells where a report is stored. An office's report sits under <c>{kind}|{period}|{officeId}</c>;
/// the roll-up across offices (a province), and a report archived before offices existed, under <c>{kind}|{period}</c>.
/// Its sign-off uses the same partition in its own table. A stored contract: existing rows are found by these keys.
/// </summary>
public static class ReportLocator
{
    /// <summary>The stored period of an office's report (<c>2017-03|ganxian</c>), or of the roll-up with no office (<c>2017-03</c>).</summary>
    public static string Period(string period, string? officeId) => officeId is null ? period : $"{period}|{officeId}";

    /// <summary>The partition of a report and of its sign-off: <c>{kind}|{stored period}</c>.</summary>
    public static string Partition(string kind, string storedPeriod) => $"{kind}|{storedPeriod}";
}
