using System.Text.Json;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Evaluation;

namespace RectifyFlows.Workflows.Tests;

/// <summary>
/// The workflows' vocabularies pinned to the byte: action ids are stored and served, phases and outcomes are read
/// back from stored orchestration status and served by the API, report kinds are table partition keys.
/// </summary>
[TestClass]
public sealed class VocabularyTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ActionIds_KeepTheStoredFormats()
    {
        Assert.AreEqual("monthly-2017-03-callin-tw-a", ActionIds.Monthly("2017-03", ActionKind.CallIn, "tw-a", null));
        Assert.AreEqual("monthly-2017-03-admonitiontalk-tw-a-cad-0001", ActionIds.Monthly("2017-03", ActionKind.AdmonitionTalk, "tw-a", "cad-0001"));
        Assert.AreEqual("weekly-2017-w14-callin-tw-a", ActionIds.WeeklyCallIn("2017-W14", "tw-a"));
        Assert.AreEqual("quarterly-2017-q1-downgradedmanagement-tw-a-deputy",
            ActionIds.QuarterlySanction("2017-Q1", ActionKind.DowngradedManagement, "tw-a", LeaderRole.Deputy));
        Assert.AreEqual("esc-p1-m1-20170331", ActionIds.EscalationOrder("p1-m1", new DateOnly(2017, 3, 31)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void CyclePhases_AndEscalationOutcomes_KeepTheirSpelling()
    {
        CollectionAssert.AreEqual(
            new[] { "Open", "Collecting", "Bulletin", "Handling", "Report", "Ranking", "Scoring", "Strikes", "Reverification", "Offices", "RollUp", "Done" },
            new[]
            {
                CyclePhases.Open, CyclePhases.Collecting, CyclePhases.Bulletin, CyclePhases.Handling, CyclePhases.Report, CyclePhases.Ranking,
                CyclePhases.Scoring, CyclePhases.Strikes, CyclePhases.Reverification, CyclePhases.Offices, CyclePhases.RollUp, CyclePhases.Done,
            });
        CollectionAssert.AreEqual(new[] { "sent", "closed", "dueDateChanged", "completed", "restarted" },
            new[] { EscalationStepResult.Sent, EscalationStepResult.Closed, EscalationStepResult.DueDateChanged, EscalationOrchestrator.Completed, EscalationOrchestrator.Restarted });

        // The status as the API and the orchestration store write it (web defaults: camelCase names).
        var json = JsonSerializer.Serialize(new CycleStatus { Phase = CyclePhases.Collecting, Teams = 2 }, JsonSerializerOptions.Web);
        StringAssert.StartsWith(json, """{"phase":"Collecting","teams":2,""");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ReportKinds_AndItemKinds_KeepTheirSpelling()
    {
        CollectionAssert.AreEqual(new[] { "monthly", "weekly", "quarterly", "ten-day" },
            Enum.GetValues<CycleKind>().Select(ReportKeys.Kind).ToArray());
        CollectionAssert.AreEqual(new[] { "monthly", "weekly", "quarterly", "ten-day" },
            new[] { ReportKeys.Monthly, ReportKeys.Weekly, ReportKeys.Quarterly, ReportKeys.TenDay });
        Assert.AreEqual("escalation-measure-p1-m1", ItemRef.Measure("p1-m1").EscalationInstanceId);
        Assert.AreEqual("escalation-action-a-1", ItemRef.Action("tw-a", "a-1").EscalationInstanceId);
        var shared = SharedLadderInput.IdFor("monthly-d001-2017-03", new DateOnly(2017, 4, 20));
        Assert.AreEqual("escalation-actions-monthly-d001-2017-03-20170420", shared);
        Assert.AreEqual(shared, ItemRef.Action("tw-a", "a-1", shared).EscalationInstanceId, "an action on a shared ladder is watched by it");
    }
}
