namespace RectifyFlows.Workflows.Tests.MonthlyCycle;

/// <summary>
/// The monthly cycle of one office in memory: collecting ends when the window closes or when every team reported,
/// whichever comes first; results of teams outside the round are not counted; the phases then run in order and the
/// period's instance is told the cycle's end.
/// </summary>
[TestClass]
public sealed class MonthlyCycleOrchestratorTests : InMemoryOrchestratorTests
{
    private const string Month = "2017-03";
    private static readonly MonthlyCycleInput Input = new(Month, "ganxian");
    private static readonly string InstanceId = CyclePeriods.InstanceId(CycleKind.Monthly, Month, "ganxian");

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task MonthlyCycle_GoesOnWithTheTeamsThatReported_WhenTheWindowClosesFirst()
    {
        var run = await RunAsync(teams: ["team-1", "team-2", "team-3"], alreadyReported: ["team-3"], raised: ["team-1"], window: TimeSpan.FromSeconds(2));

        Assert.AreEqual("Done", run.Status.Phase);
        Assert.AreEqual(3, run.Status.Teams);
        Assert.AreEqual(2, run.Status.TeamsReported, "the team already in when the round opened, and the one raised; team-2 never reported");
        CollectionAssert.AreEqual(
            new[] { nameof(OpenMonthlyRoundActivity), nameof(SendMonthlyBulletinActivity), nameof(OpenMonthlyActionsActivity), nameof(ArchiveMonthlyReportActivity) },
            run.Calls.Names.ToArray(), "the bulletin, the actions and the report follow even though a team is missing");
        Assert.AreEqual(7 + 2, run.Status.Findings, "findings and attendance breaches of the bulletin");
        Assert.AreEqual(11, run.Status.MessagesWritten);
        Assert.AreEqual(4, run.Status.ActionsOpened);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task MonthlyCycle_EndsCollectingEarly_WhenEveryTeamReported()
    {
        var run = await RunAsync(teams: ["team-1", "team-2"], alreadyReported: [], raised: ["team-2", "team-1"], window: TimeSpan.FromHours(1));

        Assert.AreEqual("Done", run.Status.Phase);
        Assert.AreEqual(2, run.Status.TeamsReported);
        Assert.IsTrue(run.Status.WindowClosesAt > DateTimeOffset.UtcNow, "the cycle ended while its window was still open");
        CollectionAssert.Contains(run.Calls.Names.ToArray(), nameof(ArchiveMonthlyReportActivity));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task MonthlyCycle_IgnoresResultsOfTeamsOutsideTheRound_AndCountsATeamOnce()
    {
        var run = await RunAsync(
            teams: ["team-1", "team-2"], alreadyReported: ["team-gone"], raised: ["team-unknown", "team-1", "team-1"], window: TimeSpan.FromSeconds(2));

        Assert.AreEqual(2, run.Status.Teams);
        Assert.AreEqual(1, run.Status.TeamsReported, "neither a team outside the round (already in, or raised) nor a second result of team-1 counts");
        Assert.AreEqual("Done", run.Status.Phase, "with team-2 missing the cycle waited for the window, then went on");
    }

    private sealed record CycleRunResult(CycleStatus Status, ActivityCalls Calls);

    /// <summary>
    /// Runs the cycle with fake activities. The round opens only once the results are raised, so they wait in the
    /// instance's queue before the window's timer exists, and the race's outcome does not depend on the machine's speed.
    /// </summary>
    private async Task<CycleRunResult> RunAsync(string[] teams, string[] alreadyReported, string[] raised, TimeSpan window)
    {
        var calls = new ActivityCalls();
        var resultsRaised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartEngineAsync<MonthlyCycleOrchestrator>(tasks =>
        {
            tasks.AddActivityFunc<OfficePeriod, MonthlyRound>(nameof(OpenMonthlyRoundActivity), async (_, office) =>
            {
                calls.Add(nameof(OpenMonthlyRoundActivity), office);
                await resultsRaised.Task.WaitAsync(Ct);
                return new MonthlyRound(teams, alreadyReported, DateTimeOffset.UtcNow + window);
            });
            tasks.AddFake<OfficePeriod, MonthlySummary>(nameof(SendMonthlyBulletinActivity), calls, _ => new MonthlySummary(5, 7, 2, 3, 0, 11));
            tasks.AddFake<OfficePeriod, int>(nameof(OpenMonthlyActionsActivity), calls, _ => 4);
            tasks.AddFake<OfficePeriod, MonthlySummary>(nameof(ArchiveMonthlyReportActivity), calls, _ => new MonthlySummary(5, 7, 2, 3, 4, 0));
        });

        var period = CyclePeriods.InstanceId(CycleKind.Monthly, Month);
        await host.Client.StartAsync(InMemoryDurable.PeriodListener, null, period, Ct);
        await host.Client.StartAsync(nameof(MonthlyCycleOrchestrator), Input, InstanceId, Ct);
        foreach (var team in raised)
        {
            await host.Client.RaiseEventAsync(InstanceId, InspectionResultEvent.Name, new InspectionResultEvent(team, "unit-1", $"e-{team}"), Ct);
        }

        resultsRaised.SetResult();
        var done = await host.Client.CompletedAsync(InstanceId, Ct);
        var status = done.ReadOutputAs<CycleStatus>()!;
        Assert.AreEqual(status.Phase, done.ReadCustomStatusAs<CycleStatus>()?.Phase, "the custom status shows the last phase");
        CollectionAssert.AreEqual(new[] { new OfficePeriod("ganxian", Month) }, calls.InputsOf<OfficePeriod>(nameof(OpenMonthlyRoundActivity)).ToArray());

        var told = (await host.Client.CompletedAsync(period, Ct)).ReadOutputAs<OfficeCycleDone>()!;
        Assert.AreEqual("ganxian", told.OfficeId, "the period's instance is told which office ended");
        Assert.AreEqual(status.TeamsReported, told.Status.TeamsReported);
        return new CycleRunResult(status, calls);
    }
}
