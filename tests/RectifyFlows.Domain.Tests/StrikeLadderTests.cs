using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Evaluation;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class StrikeLadderTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Sanction_Escalates_WithConsecutiveStrikes_AndResets()
    {
        var count = 0;
        var sanctions = new List<ActionKind?>();
        foreach (var strike in new[] { true, true, true, false, true })
        {
            count = StrikeLadder.Next(count, strike);
            sanctions.Add(strike ? StrikeLadder.Sanction(count) : null);
        }

        CollectionAssert.AreEqual(
            new ActionKind?[] { ActionKind.WrittenSelfCriticism, ActionKind.DowngradedManagement, ActionKind.Demotion, null, ActionKind.WrittenSelfCriticism },
            sanctions);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void IsStrike_NeedsBothALowScoreAndTheBottom()
    {
        Assert.IsTrue(StrikeLadder.IsStrike(89.99m, inBottom: true, threshold: 90));
        Assert.IsFalse(StrikeLadder.IsStrike(90m, inBottom: true, threshold: 90));
        Assert.IsFalse(StrikeLadder.IsStrike(50m, inBottom: false, threshold: 90));
    }
}
