using RectifyFlows.Domain.Actions;

namespace RectifyFlows.Workflows.Tests.QuarterlyEvaluation;

/// <summary>The quarterly evaluation of one office in memory: score, strikes on those scores, sanctions on those strikes, report.</summary>
[TestClass]
public sealed class QuarterlyEvaluationOrchestratorTests : InMemoryOrchestratorTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task QuarterlyEvaluation_OpensSanctionsAndArchivesTheReport_OnTheStrikesOfTheScoresItComputed()
    {
        TownshipScore[] scores =
        [
            new("tw-a", "甲乡", "ganxian", 95m, 90m, 100m, 95m, 1, Bottom: false),
            new("tw-b", "乙乡", "ganxian", 62m, 50m, 70m, 60m, 2, Bottom: true),
        ];
        StrikeOutcome[] strikes = [new("tw-b", "乙乡", 62m, 2, Strike: true, Consecutive: 2, ActionKind.DowngradedManagement)];
        var office = new OfficePeriod("ganxian", "2017-Q1");

        var run = await RunOfficeCycleAsync<QuarterlyEvaluationOrchestrator>(CycleKind.Quarterly, office, (tasks, calls) =>
        {
            tasks.AddFake<OfficePeriod, IReadOnlyList<TownshipScore>>(nameof(ScoreTownshipsActivity), calls, _ => scores);
            tasks.AddFake<QuarterlyStep, IReadOnlyList<StrikeOutcome>>(nameof(ApplyStrikesActivity), calls, _ => strikes);
            tasks.AddFake<QuarterlyStep, int>(nameof(OpenSanctionsActivity), calls, step => step.Strikes.Count(s => s.Sanction is not null));
            tasks.AddFake<QuarterlyStep, int>(nameof(ArchiveQuarterlyReportActivity), calls, step => step.Scores.Count);
        });

        CollectionAssert.AreEqual(
            new[] { nameof(ScoreTownshipsActivity), nameof(ApplyStrikesActivity), nameof(OpenSanctionsActivity), nameof(ArchiveQuarterlyReportActivity) },
            run.Calls.Names.ToArray());
        var strikeStep = run.Calls.InputsOf<QuarterlyStep>(nameof(ApplyStrikesActivity)).Single();
        CollectionAssert.AreEqual(scores, strikeStep.Scores.ToArray());
        Assert.AreEqual(0, strikeStep.Strikes.Count, "strikes are computed by this step, not given to it");
        foreach (var step in run.Calls.InputsOf<QuarterlyStep>(nameof(OpenSanctionsActivity)).Concat(run.Calls.InputsOf<QuarterlyStep>(nameof(ArchiveQuarterlyReportActivity))))
        {
            CollectionAssert.AreEqual(strikes, step.Strikes.ToArray());
            Assert.AreEqual("quarterly-ganxian-2017-Q1", step.Source);
        }

        Assert.AreEqual("Done", run.Status.Phase);
        Assert.AreEqual(1, run.Status.ActionsOpened);
        Assert.AreEqual("ganxian", run.Told.OfficeId);
        Assert.AreEqual(run.Status, run.Told.Status);
    }
}
