namespace RectifyFlows.Workflows.Tests.WeeklyDispatch;

/// <summary>The weekly dispatch of one office in memory: rank, call in, bulletin, each step seeing the same ranking.</summary>
[TestClass]
public sealed class WeeklyDispatchOrchestratorTests : InMemoryOrchestratorTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task WeeklyDispatch_CallsInAndSendsTheBulletin_OnTheOneRankingItComputed()
    {
        TownshipRank[] ranking =
        [
            new("tw-a", "甲乡", "ganxian", 1, 92m, "90%", "80%", 4, Bottom: false),
            new("tw-b", "乙乡", "ganxian", 2, 41m, "40%", "30%", 3, Bottom: true),
        ];
        var office = new OfficePeriod("ganxian", "2017-W14");

        var run = await RunOfficeCycleAsync<WeeklyDispatchOrchestrator>(CycleKind.Weekly, office, (tasks, calls) =>
        {
            tasks.AddFake<OfficePeriod, IReadOnlyList<TownshipRank>>(nameof(RankTownshipsActivity), calls, _ => ranking);
            tasks.AddFake<WeeklyStep, int>(nameof(OpenCallInsActivity), calls, step => step.Ranking.Count(r => r.Bottom));
            tasks.AddFake<WeeklyStep, int>(nameof(SendWeeklyBulletinActivity), calls, step => step.Ranking.Count * 3);
        });

        CollectionAssert.AreEqual(
            new[] { nameof(RankTownshipsActivity), nameof(OpenCallInsActivity), nameof(SendWeeklyBulletinActivity) }, run.Calls.Names.ToArray());
        Assert.AreEqual("Done", run.Status.Phase);
        Assert.AreEqual("Done", run.CustomStatus?.Phase);
        Assert.AreEqual(1, run.Status.ActionsOpened, "the one bottom township is called in");
        Assert.AreEqual(6, run.Status.MessagesWritten);
        foreach (var step in run.Calls.InputsOf<WeeklyStep>(nameof(OpenCallInsActivity)).Concat(run.Calls.InputsOf<WeeklyStep>(nameof(SendWeeklyBulletinActivity))))
        {
            Assert.AreEqual(office, step.Office);
            CollectionAssert.AreEqual(ranking, step.Ranking.ToArray());
            Assert.AreEqual("weekly-ganxian-2017-W14", step.Source, "call-ins name the office's cycle as their source");
        }

        Assert.AreEqual("ganxian", run.Told.OfficeId);
        Assert.AreEqual(run.Status, run.Told.Status, "the period's instance gets the cycle's final status");
    }
}
