namespace RectifyFlows.Workflows.Tests.TenDayReport;

/// <summary>The ten-day report of one office in memory: re-verification requests first, then the report.</summary>
[TestClass]
public sealed class TenDayReportOrchestratorTests : InMemoryOrchestratorTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task TenDayReport_RequestsReverificationThenArchives_AndCountsTheRequests()
    {
        var office = new OfficePeriod("ganxian", "2017-03-2");

        var run = await RunOfficeCycleAsync<TenDayReportOrchestrator>(CycleKind.TenDay, office, (tasks, calls) =>
        {
            tasks.AddFake<OfficePeriod, int>(nameof(RequestReverificationActivity), calls, _ => 4);
            tasks.AddFake<OfficePeriod, int>(nameof(ArchiveTenDayReportActivity), calls, _ => 1);
        });

        CollectionAssert.AreEqual(new[] { nameof(RequestReverificationActivity), nameof(ArchiveTenDayReportActivity) }, run.Calls.Names.ToArray());
        CollectionAssert.AreEqual(new[] { office, office }, new[] { run.Calls.InputsOf<OfficePeriod>(nameof(RequestReverificationActivity))[0], run.Calls.InputsOf<OfficePeriod>(nameof(ArchiveTenDayReportActivity))[0] });
        Assert.AreEqual("Done", run.Status.Phase);
        Assert.AreEqual(4, run.Status.MessagesWritten, "the re-verification requests written");
        Assert.AreEqual("ganxian", run.Told.OfficeId);
        Assert.AreEqual(run.Status, run.Told.Status);
    }
}
