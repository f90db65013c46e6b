using RectifyFlows.Domain.Leads;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Tests;

[TestClass]
public sealed class MonthlyReportLeadsTests : LedgerTests
{
    private static readonly ReportDocument Report = new()
    {
        Kind = "monthly", Period = "2017-03", Title = "2017年3月脱贫攻坚督查情况通报", GeneratedAt = DateTimeOffset.UtcNow,
        Summary = [new("发现问题", "2")],
        Tables = [new("一、督查发现的问题", ["单位"], [])],
    };

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task ApplyAsync_ListsOverdueLeadsByIdOnly_AndReplacesItsBlock_WhenAppliedAgainAfterSignoff()
    {
        var leads = Ledger.Get<LeadRepository>();
        var signoffs = Ledger.Get<ReportSignoffRepository>();
        var block = new MonthlyReportLeads(leads, signoffs,
            new UnitNames(Ledger.Get<UnitRepository>()),
            new OfficeDirectory(Ledger.Get<PlanDirectoryRepository>(), Ledger.Get<UnitRepository>()), TimeProvider.System);
        var lead = LeadValidator.Validate(new LeadRequest
        {
            EventId = "evt-1", ReceivedAt = new DateTimeOffset(2017, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), Source = "hotline-12317",
            Subject = "举报村支书截留补助", Detail = "详情",
        }, unitExists: true, defaultDeadlineDays: 15).Lead!;
        await leads.RegisterAsync(lead, Ct);

        var first = await block.ApplyAsync(Report, Ct);
        await signoffs.SignAsync("monthly", "2017-03", "dev-leader", DateTimeOffset.UtcNow, Ct);
        var second = await block.ApplyAsync(first, Ct);

        var figures = second.Summary.ToDictionary(f => f.Label, f => f.Value);
        Assert.AreEqual("1", figures[MonthlyReportLeads.OverdueLabel]);
        StringAssert.StartsWith(figures[MonthlyReportLeads.SignoffLabel], "已签发（dev-leader");
        Assert.AreEqual("2", figures["发现问题"], "the report's own figures stay");
        var table = second.Tables.Single(t => t.Heading.StartsWith(MonthlyReportLeads.Heading, StringComparison.Ordinal));
        Assert.AreEqual(lead.Id, table.Rows.Single()[0]);
        Assert.HasCount(2, second.Tables, "applying again replaced the block instead of adding a second");
        Assert.IsFalse(ReportRenderer.Html(second).Contains("截留补助", StringComparison.Ordinal), "what a tip says is not in a report any key can read");
    }
}
