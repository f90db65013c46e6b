using Azure.Data.Tables;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The doctor on the real engine: ladders broken the ways an abruptly stopped store breaks them — a corrupt history
/// (a second ExecutionStarted event), an instance the store says was terminated, an instance lost altogether — are
/// found and rebuilt from the ledger, by the host's periodic check and by the <c>doctor</c> verb, each with an audit row.
/// </summary>
[TestClass]
public sealed class DoctorTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Doctor_RebuildsCorruptTerminatedAndLostLadders_OnItsScheduleAndAsAVerb()
    {
        var document = TestPlans.District(1);
        var farAway = ChinaTime.Today(TimeProvider.System).AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            // Every ladder waits for its first reminder, so nothing but the doctor touches them during the test.
            measure!.DueDate = farAway;
        }
        var settings = new Dictionary<string, string>(TestKeys.UnitKeySettings())
        {
            ["RectifyFlows__Seed__Enabled"] = "false",
            ["RectifyFlows__Operations__DoctorInterval"] = "00:00:03",
            ["RectifyFlows__Operations__StuckAfter"] = "00:00:20",
        };
        var hub = new TaskHub(Ledger.ConnectionString, "hub" + Ledger.Prefix);
        await using (var host = await StartHostAsync(settings))
        {
            using var office = host.Client(TestKeys.Operator);
            var created = await office.PostJsonAsync("api/plans", TestPlans.ToJson(document));
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
            // Every ladder started by the import, so the only broken ones are those broken below.
            foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
            {
                await hub.WaitForStatusAsync(Ladder(measure!.Id!), "Running", TimeSpan.FromSeconds(120));
            }

            await hub.DuplicateStartAsync(Ladder("d001-p1-m1"));
            await hub.SetStatusAsync(Ladder("d001-p1-m2"), "Terminated");
            await hub.LoseAsync(Ladder("d001-p1-m3"));

            var repairs = await WaitForRepairsAsync(3, TimeSpan.FromSeconds(90));
            CollectionAssert.AreEquivalent(
                new[] { $"{Ladder("d001-p1-m1")} corrupt", $"{Ladder("d001-p1-m2")} terminated", $"{Ladder("d001-p1-m3")} missing" },
                repairs.Select(r => $"{r.GetString("EntityId")} {r.GetString("FromStatus")}").ToArray(),
                "the host's periodic check found each broken ladder and left one audit row per repair: "
                + string.Join(", ", repairs.Select(r => $"{r.GetString("EntityId")} {r.GetString("FromStatus")} {r.GetDateTimeOffset("At"):HH:mm:ss.fff}")));
            foreach (var id in new[] { "d001-p1-m1", "d001-p1-m2", "d001-p1-m3" })
            {
                await hub.WaitForStatusAsync(Ladder(id), "Running", TimeSpan.FromSeconds(60));
            }

            Assert.IsFalse(await hub.HasDuplicateStartAsync(Ladder("d001-p1-m1")), "the rebuilt ladder has a clean history");
            Assert.IsTrue(repairs.All(r => r.GetString("Actor") == "doctor" && r.GetString("Reason")!.Contains("已按台账重建", StringComparison.Ordinal)));
        }

        // The host is gone (killed): the verb alone finds and rebuilds, and a second look finds nothing left. Two
        // actions a cycle step opened an hour ago whose shared ladder (ADR 0020) the store lost: one repair, both members.
        await hub.SetStatusAsync(Ladder("d001-p1-m4"), "Failed");
        await hub.LoseAsync(Ladder("d001-p2-m1"));
        var shared = await OpenActionsOnALostSharedLadderAsync(["d001-dept-fupin", "d001-dept-caizheng"]);
        var (exitCode, output) = await RunVerbAsync(["doctor"], settings);
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, $"{Ladder("d001-p1-m4")}  ladder failed", output);
        StringAssert.Contains(output, $"{Ladder("d001-p2-m1")}  ladder missing", output);
        StringAssert.Contains(output, $"{shared}  ladder missing", output);
        StringAssert.Contains(output, "3 broken, 3 rebuilt", output);
        Assert.AreEqual(6, (await WaitForRepairsAsync(6, TimeSpan.FromSeconds(10))).Count);
        var rebuilt = await hub.Instances.GetEntityAsync<TableEntity>(shared, string.Empty);
        StringAssert.Contains(rebuilt.Value.GetString("Input"), "callin-d001-dept-fupin", "the rebuilt shared ladder has both members");
        StringAssert.Contains(rebuilt.Value.GetString("Input"), "callin-d001-dept-caizheng");

        // The rebuilt ladders wait, pending, for a host to run them: not stuck yet by the default hour.
        settings.Remove("RectifyFlows__Operations__StuckAfter");
        var (checkCode, check) = await RunVerbAsync(["doctor", "--check"], settings);
        Assert.AreEqual(0, checkCode, check);
        StringAssert.Contains(check, "0 broken", check);
    }

    private static string Ladder(string measureId) => "escalation-measure-" + measureId;

    /// <summary>Stores open call-ins of <paramref name="units"/> on a shared ladder that was never started; returns its id.</summary>
    private async Task<string> OpenActionsOnALostSharedLadderAsync(string[] units)
    {
        var due = ChinaTime.Today(TimeProvider.System).AddDays(365);
        var ladder = $"escalation-actions-weekly-ganxian-2017-W14-{due:yyyyMMdd}";
        var actions = Ledger.Get<RectifyFlows.Storage.Actions.ActionRepository>();
        foreach (var unit in units)
        {
            Assert.IsTrue(await actions.OpenAsync(new RectifyFlows.Domain.Actions.AccountabilityAction
            {
                Id = $"weekly-2017-w14-callin-{unit}", UnitId = unit, Kind = RectifyFlows.Domain.Actions.ActionKind.CallIn, Reason = "约谈",
                Source = "weekly-ganxian-2017-W14", DueDate = due, OpenedAt = DateTimeOffset.UtcNow.AddHours(-1), Ladder = ladder,
            }, Ct));
        }

        return ladder;
    }

    private async Task<List<TableEntity>> WaitForRepairsAsync(int count, TimeSpan timeout)
    {
        var table = new TableClient(Ledger.ConnectionString, Ledger.Prefix + "OperationsLog");
        var deadline = DateTime.UtcNow + timeout;
        List<TableEntity> rows = [];
        while (DateTime.UtcNow < deadline)
        {
            rows = [];
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("repair|") > 0 && e.PartitionKey.CompareTo("repair}") < 0,
                cancellationToken: Ct))
            {
                rows.Add(row);
            }

            if (rows.Count >= count)
            {
                return rows;
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"Only {rows.Count} of {count} repairs were audited in {timeout.TotalSeconds} s.");
        return rows;
    }
}
