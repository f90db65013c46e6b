using RectifyFlows.Storage.Ledger;

namespace RectifyFlows.Storage.Tests;

/// <summary>
/// Filters built by <c>TableClient.CreateQueryFilter</c> read as the hand-escaped ones did: the same bytes go to
/// the table service, a quote in a value doubled.
/// </summary>
[TestClass]
public sealed class QueryFilterTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void PrefixFilter_QuotesAndEscapesItsValues_AsTheHandBuiltFilterDid()
    {
        Assert.AreEqual("PartitionKey eq 'p1' and RowKey ge 'measure|' and RowKey lt 'measure}'", LedgerKeys.PrefixFilter("p1", "measure|"));
        Assert.AreEqual("PartitionKey eq 'o''brien' and RowKey ge 'audit|x''y|' and RowKey lt 'audit|x''y}'", LedgerKeys.PrefixFilter("o'brien", "audit|x'y|"));
    }
}
