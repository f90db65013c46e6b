using RectifyFlows.Domain.Time;

namespace RectifyFlows.Host.Tests;

/// <summary>The deadline ladder on the real engine, with a "day" of two seconds (Fast profile).</summary>
[TestClass]
public sealed class EscalationTests : HostTests
{
    private const string Lead = "d001-dept-fupin";

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Ladder_WalksRemindersAndLevels_StopsOnEvidence_RestartsOnReturn_MovesOnExtension()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        // Five ladder days (10 s) leave the set-up below time to finish before level 1 is due.
        var soon = today.AddDays(5);
        var document = TestPlans.District(1);
        foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            // Everything else far in the future: its ladder just waits.
            measure!.DueDate = today.AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var measures = document.Categories![0]!.Problems![0]!.Measures!;
        foreach (var index in new[] { 0, 1, 2, 3 })
        {
            measures[index]!.DueDate = soon.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var host = await StartHostAsync(TestKeys.UnitKeySettings(), environment: "Fast");
        using var office = host.Client(TestKeys.Operator);
        using var unit = host.Client(TestKeys.Fupin);
        using var leader = host.Client(TestKeys.Leader);

        Assert.AreEqual(HttpStatusCode.Created, (await office.PostJsonAsync("api/plans", TestPlans.ToJson(document))).StatusCode);
        // Evidence before the due date stops m2's ladder; evidence then a return with a new due date restarts m3's.
        Assert.AreEqual(HttpStatusCode.OK, (await unit.PostJsonAsync("api/measures/d001-p1-m2/evidence",
            new { text = "已完成", effectiveDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await unit.PostJsonAsync("api/measures/d001-p1-m3/evidence",
            new { text = "初步完成", effectiveDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).StatusCode);
        var newDue = today.AddDays(1);
        var returned = await leader.PostJsonAsync("api/measures/d001-p1-m3/signoff",
            new { decision = "return", comment = "证据不足，重新整改", newDueDate = newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());

        // m4: an extension requested before the due date and approved moves the ladder to the new date.
        var extended = today.AddDays(8);
        Assert.AreEqual(HttpStatusCode.OK, (await unit.PostJsonAsync("api/measures/d001-p1-m4/extension",
            new { newDueDate = extended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = "项目资金下达延迟" })).StatusCode);
        var approved = await leader.PostJsonAsync("api/measures/d001-p1-m4/extension/decision", new { approve = true, comment = "同意延期" });
        Assert.AreEqual(HttpStatusCode.OK, approved.StatusCode, await approved.Content.ReadAsStringAsync());

        var steps = await WaitForStepsAsync(office, "d001-p1-m1", soon, "level3", TimeSpan.FromSeconds(90));
        CollectionAssert.AreEqual(new[] { "reminder-7", "reminder-3", "reminder-1", "level1", "level2", "level3" }, steps.ToArray(),
            "m1 walked the reminders and the three levels, each once, in order");
        var orders = await office.ActionsAsync($"unitId={Lead}&kind=supervisionOrder");
        Assert.IsTrue(orders.Any(a => a.Id == $"esc-d001-p1-m1-{soon:yyyyMMdd}"), "level 3 opened a supervision order");

        var restarted = await WaitForStepsAsync(office, "d001-p1-m3", newDue, "level3", TimeSpan.FromSeconds(90));
        CollectionAssert.Contains(restarted.ToArray(), "level1", "the return restarted the ladder on the new due date");

        var moved = await WaitForStepsAsync(office, "d001-p1-m4", extended, "level1", TimeSpan.FromSeconds(90));
        CollectionAssert.Contains(moved.ToArray(), "level1", "the approved extension moved the ladder to the new due date");
        CollectionAssert.DoesNotContain((await StepsAsync(office, "d001-p1-m4", soon)).ToArray(), "level1",
            "nothing escalated on the old date");

        var stopped = await StepsAsync(office, "d001-p1-m2", soon);
        CollectionAssert.DoesNotContain(stopped.ToArray(), "level1", "evidence before the due date stopped the ladder");
        var oldLadderOfM3 = await StepsAsync(office, "d001-p1-m3", soon);
        CollectionAssert.DoesNotContain(oldLadderOfM3.ToArray(), "level1", "the returned measure's old ladder did not go on");
    }

    /// <summary>The ladder steps notified to the lead unit for a measure and due date, in time order.</summary>
    private static async Task<List<string>> StepsAsync(HttpClient client, string measureId, DateOnly due)
    {
        var prefix = $"escalation|measure|{measureId}|{due:yyyy-MM-dd}|";
        var keys = await client.NotificationKeysAsync($"recipient={Lead}");
        return keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..].Split('|')[0])
            .ToList();
    }

    private static async Task<List<string>> WaitForStepsAsync(HttpClient client, string measureId, DateOnly due, string last, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<string> steps = [];
        while (DateTime.UtcNow < deadline)
        {
            steps = await StepsAsync(client, measureId, due);
            if (steps.Contains(last))
            {
                return steps;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{measureId} reached only [{string.Join(", ", steps)}] in {timeout.TotalSeconds} s.");
        return steps;
    }
}
