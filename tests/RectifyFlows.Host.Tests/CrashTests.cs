using System.Diagnostics;
using System.Security.Cryptography;
using RectifyFlows.DevServices;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Workflows.Common;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The whole process group killed like a power cut — host and Azurite with disk persistence, SIGKILL — then restarted
/// on the same data: what was written more than the 5 s autosave interval before the kill is there, and the doctor
/// leaves no ladder broken (docs/operations.md, "What the embedded store can lose").
/// </summary>
[TestClass]
public sealed class CrashTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task GroupKill_WhileLaddersWait_RestartOnTheSameData_KeepsTheLedger_AndNoLadderStaysBroken()
    {
        var data = Path.Combine(Path.GetTempPath(), "rectifyflows-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var project = NodeProject.Locate(null, RepositoryFiles.Root);
        var prefix = LedgerFixture.NewPrefix();
        var document = TestPlans.District(1);
        var farAway = ChinaTime.Today(TimeProvider.System).AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            measure!.DueDate = farAway;
        }

        var measureIds = document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!).Select(m => m!.Id!).ToList();
        try
        {
            var azurite = await AzuriteServer.StartAsync(project, 0, 0, 0, data, TestContext.CancellationToken);
            var settings = Settings(azurite.ConnectionString);
            var host = await HostProcess.StartAsync(prefix, settings);
            using (var office = host.Client(TestKeys.Operator))
            {
                Assert.AreEqual(HttpStatusCode.Created, (await office.PostJsonAsync("api/plans", TestPlans.ToJson(document))).StatusCode);
            }

            var hub = new TaskHub(azurite.ConnectionString, "hub" + prefix);
            foreach (var id in measureIds)
            {
                await hub.WaitForStatusAsync("escalation-measure-" + id, "Running", TimeSpan.FromSeconds(120));
            }

            // Past the autosave interval: what is acknowledged now must survive the kill.
            await Task.Delay(TimeSpan.FromSeconds(7), TestContext.CancellationToken);
            using (var azuriteProcess = Process.GetProcessById(azurite.ProcessId))
            {
                azuriteProcess.Kill(entireProcessTree: true);
                await host.KillAsync();
                await azuriteProcess.WaitForExitAsync(TestContext.CancellationToken);
            }

            await host.DisposeAsync();
            await azurite.DisposeAsync();

            await using var restarted = await AzuriteServer.StartAsync(project, 0, 0, 0, data, TestContext.CancellationToken);
            settings = Settings(restarted.ConnectionString);
            var (doctorCode, doctor) = await HostProcess.RunVerbAsync(prefix, ["doctor"], settings);
            Assert.AreEqual(0, doctorCode, doctor);
            await using var again = await HostProcess.StartAsync(prefix, settings);
            using var client = again.Client(TestKeys.Operator);
            var plan = await client.GetAsync(new Uri("api/plans/" + document.PlanId, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, plan.StatusCode, "the imported plan survived the kill");
            hub = new TaskHub(restarted.ConnectionString, "hub" + prefix);
            foreach (var id in measureIds)
            {
                await hub.WaitForStatusAsync("escalation-measure-" + id, "Running", TimeSpan.FromSeconds(120));
            }

            var (checkCode, check) = await HostProcess.RunVerbAsync(prefix, ["doctor", "--check"], settings);
            Assert.AreEqual(0, checkCode, check);
            StringAssert.Contains(check, "0 broken", check);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temp folder is cleaned by the system.
            }
        }
    }

    /// <summary>
    /// Fixed point A: a monthly cycle collecting (two of four teams' results accepted, the window open), a webhook burst
    /// from concurrent senders just answered 202, and mail in flight (MailDev has some of the messages, the outbox
    /// still holds others) — then the whole group killed. After the restart: every event acknowledged before Azurite's
    /// last save is there, the sender's resend of the burst (same event ids) is accepted and doubles nothing, the cycle
    /// completes and archives its report, every message reaches MailDev with no more than the one duplicate the
    /// at-least-once window allows, and the doctor leaves nothing broken.
    /// </summary>
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task GroupKill_MidCycle_InAWebhookBurst_WithMailInFlight_LosesNoSavedEvent_DoublesNothing_AndTheCycleCompletes()
    {
        var cancel = TestContext.CancellationToken;
        var document = TestPlans.SeedDocument();
        var past = ChinaTime.Today(TimeProvider.System).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Eight measures open and past due: each ladder fires its latest step (level 3) at once — a burst of mail.
        var escalated = document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!).Take(8).ToList();
        foreach (var measure in escalated)
        {
            measure!.Evidence = [];
            measure.DueDate = past;
        }

        await using var rig = await GroupKillRig.StartAsync(new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__InspectionWindow"] = "00:05:00",
            // The supervision orders level 3 opens wait far away: the only mail is the burst and the cycle's.
            ["RectifyFlows__Workflows__ActionDueDays"] = "300",
            // Before the kill the relay is slow (2 at once, then one every 10 s), so mail is still in flight at the kill.
            ["RectifyFlows__Notifications__PerMinute__email"] = "6",
            ["RectifyFlows__Notifications__Burst"] = "2",
        }, cancel);
        using (var office = rig.Host.Client(TestKeys.Operator))
        {
            Assert.AreEqual(HttpStatusCode.Created, (await office.PostJsonAsync("api/plans", TestPlans.ToJson(document))).StatusCode);
            await StartCycleAsync(office, "monthly", "2017-04");
            await WaitForCycleAsync(office, "monthly", "2017-04", s => s.Phase == CyclePhases.Collecting, TimeSpan.FromSeconds(90));
            foreach (var team in new[] { "team-1", "team-2" })
            {
                var response = await PostSignedAsync(office, "api/webhooks/inspection-results",
                    InspectionResult($"r-2017-04-{team}", "2017-04", team, "tw-shiyuan", Finding("work", "low", $"{team} 发现的问题")));
                Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
            }

            await WaitForCycleAsync(office, "monthly", "2017-04", s => s.TeamsReported == 2, TimeSpan.FromSeconds(90));
            await AssertAllAcceptedAsync(await BurstAsync(rig.Host, "crash-a-", 8));

            // What is acknowledged now is on disk once Azurite has saved after it.
            await rig.WaitForTableSaveAsync(DateTime.UtcNow, cancel);
            await WaitForMailAsync(rig, 3, cancel);
            var undelivered = (await office.NotificationsAsync()).Count(m => m.Status is OutboxStatus.Pending or OutboxStatus.Sending);
            Assert.IsTrue(undelivered > 0, "the kill point has mail in flight: some delivered, some still in the outbox");
        }

        // The burst the kill cuts into: answered 202, inside Azurite's autosave window.
        var burst = await BurstAsync(rig.Host, "crash-b-", 8);
        await rig.KillAsync();
        await AssertAllAcceptedAsync(burst);

        rig.Set("RectifyFlows__Notifications__PerMinute__email", "600");
        rig.Set("RectifyFlows__Notifications__Burst", "50");
        var doctor = await rig.RestartAsync(cancel);
        TestContext.WriteLine(doctor);
        using var client = rig.Host.Client(TestKeys.Operator);

        // (c) Every event acknowledged before the last save is kept; the burst inside the window may be lost — the
        // sender resends it with the same event ids, which is accepted and doubles nothing.
        var leads = await LeadSubjectsAsync(client);
        foreach (var i in Enumerable.Range(0, 8))
        {
            CollectionAssert.Contains(leads, $"crash-a-{i}", "an event acknowledged before Azurite's save survived the kill");
        }

        var keptOfBurst = Enumerable.Range(0, 8).Count(i => leads.Contains($"crash-b-{i}"));
        TestContext.WriteLine($"Of the 8 events acknowledged inside the autosave window, {keptOfBurst} were kept.");
        await AssertAllAcceptedAsync(await BurstAsync(rig.Host, "crash-b-", 8));
        leads = await LeadSubjectsAsync(client);
        CollectionAssert.AreEquivalent(
            Enumerable.Range(0, 8).SelectMany(i => new[] { $"crash-a-{i}", $"crash-b-{i}" }).ToArray(), leads.ToArray(),
            "after the resend every event is there once");

        // (a) The cycle kept its two results, takes the other two and completes with its report archived.
        var status = await WaitForCycleAsync(client, "monthly", "2017-04", s => s.TeamsReported is not null, TimeSpan.FromSeconds(60));
        Assert.AreEqual(2, status.TeamsReported, "the results accepted before the save survived: " + status);
        foreach (var team in new[] { "team-3", "team-4" })
        {
            var response = await PostSignedAsync(client, "api/webhooks/inspection-results",
                InspectionResult($"r-2017-04-{team}", "2017-04", team, "tw-meilin", Finding("work", "low", $"{team} 发现的问题")));
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await WaitForCompletionAsync(client, "monthly", "2017-04", TimeSpan.FromSeconds(120));
        Assert.AreEqual(4, done.TeamsReported, done.ToString());
        var report = await ReportAsync(client, "monthly", "2017-04");
        var found = report.Tables[0].Rows.Select(r => r[4]).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "team-1 发现的问题", "team-2 发现的问题", "team-3 发现的问题", "team-4 发现的问题" }, found);
        Assert.HasCount(4, await client.NotificationsAsync($"kind={NotificationTemplates.InspectionRequest}"), "one inspection request per team");

        // (d) Every message delivered, none more than once beyond the at-least-once window (one duplicate, same Message-ID).
        await AssertMailDeliveredWithinTheWindowAsync(rig, client, cancel);
        await AssertDoctorLeavesNothingBrokenAsync(rig, doctor);
    }

    /// <summary>
    /// Fixed point B: an escalation ladder after its level-1 notice went out (written and delivered) and before level 2
    /// is due — the group killed there. After the restart the ladder goes on to levels 2 and 3, each step's message
    /// written once and delivered within the at-least-once window, and the doctor leaves nothing broken.
    /// </summary>
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task GroupKill_BetweenLadderLevels_TheLadderReachesItsNextLevels_WithNoStepDoubled()
    {
        var cancel = TestContext.CancellationToken;
        var document = TestPlans.SeedDocument();
        var today = ChinaTime.Today(TimeProvider.System);
        var due = today.AddDays(2);
        // One open measure (the others keep their evidence: under review, no ladder). A "day" of 10 s, level 3 one day
        // after level 2: level 1 twenty seconds after the import, level 2 thirty seconds after level 1 (room for a
        // slow machine to deliver level 1 before level 2 is due), level 3 ten after that.
        var measure = TestPlans.FirstMeasure(document);
        measure.Evidence = [];
        measure.DueDate = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var rig = await GroupKillRig.StartAsync(new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__Escalation__DayLength"] = "00:00:10",
            ["RectifyFlows__Workflows__Escalation__Level3DaysAfter"] = "4",
            ["RectifyFlows__Workflows__ActionDueDays"] = "300",
            // A safety net, not the path expected: were the ladder's level-2 timer lost, the periodic doctor would find
            // the ladder waiting 40 s past its step (custom status nextAt) and rebuild it (the audit count would show it).
            ["RectifyFlows__Operations__DoctorInterval"] = "00:00:10",
            ["RectifyFlows__Operations__StuckAfter"] = "00:00:40",
        }, cancel);
        using (var office = rig.Host.Client(TestKeys.Operator))
        {
            Assert.AreEqual(HttpStatusCode.Created, (await office.PostJsonAsync("api/plans", TestPlans.ToJson(document))).StatusCode);
            await WaitForStepMessagesAsync(office, measure.Id!, due, "level1", TimeSpan.FromSeconds(90), sent: true);
            var before = await StepMessagesAsync(office, measure.Id!, due);
            TestContext.WriteLine("at the kill: " + string.Join(", ", before));
            Assert.IsFalse(before.Any(m => m.Step == "level2"), "killed before level 2");

            // The kill point is fixed: level 1 delivered and on disk everywhere — Azurite's table and queue stores
            // saved after it (the ladder's level-2 timer is a queue message) and MailDev's copies written. What follows
            // tests the ladder's continuation; losing acknowledged writes inside the save window is the mid-cycle test's.
            var delivered = DateTime.UtcNow;
            await rig.WaitForTableSaveAsync(delivered, cancel);
            await rig.WaitForQueueSaveAsync(delivered, cancel);
            var sent = (await office.NotificationsAsync()).Where(IsDeliveredMail).Select(m => MessageIdOf(m.RecipientId, m.IdempotencyKey)).ToList();
            await rig.WaitForMailAsync(sent, cancel);
        }

        await rig.KillAsync();
        var doctor = await rig.RestartAsync(cancel);
        TestContext.WriteLine(doctor);
        using var client = rig.Host.Client(TestKeys.Operator);

        await WaitForStepMessagesAsync(client, measure.Id!, due, "level3", TimeSpan.FromSeconds(180), sent: false);
        var steps = await StepMessagesAsync(client, measure.Id!, due);
        foreach (var step in new[] { "level1", "level2", "level3" })
        {
            Assert.IsTrue(steps.Any(s => s.Step == step), $"the ladder reached {step}: [{string.Join(", ", steps)}]");
        }

        Assert.AreEqual(steps.Count, steps.Select(s => s.Key).Distinct().Count(), "no step's message written twice");
        await AssertMailDeliveredWithinTheWindowAsync(rig, client, cancel);
        await AssertDoctorLeavesNothingBrokenAsync(rig, doctor);
    }

    /// <summary>Concurrent senders: one lead event each (subject = event id), posted at once.</summary>
    private static async Task<HttpResponseMessage[]> BurstAsync(HostProcess host, string prefix, int count)
    {
        var senders = Enumerable.Range(0, count).Select(async i =>
        {
            using var sender = host.Client();
            return await PostSignedAsync(sender, "api/webhooks/leads", new
            {
                eventId = $"{prefix}{i}", receivedAt = "2017-04-02T09:00:00+08:00", source = "hotline-12317",
                subject = $"{prefix}{i}", detail = "来电反映村级公示不到位。", unitId = "tw-meilin",
            });
        });
        return await Task.WhenAll(senders);
    }

    private static async Task AssertAllAcceptedAsync(HttpResponseMessage[] responses)
    {
        foreach (var response in responses)
        {
            Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
            response.Dispose();
        }
    }

    private static async Task<List<string>> LeadSubjectsAsync(HttpClient client) =>
        [.. (await client.LeadsAsync()).Select(l => l.Subject).Where(s => s.StartsWith("crash-", StringComparison.Ordinal))];

    private static async Task WaitForMailAsync(GroupKillRig rig, int count, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (rig.MailCopiesByMessageId().Values.Sum() < count)
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, $"MailDev received fewer than {count} mails in 90 s.");
            await Task.Delay(200, cancel);
        }
    }

    private sealed record StepMessage(string Step, string Key, string Status);

    /// <summary>The ladder's messages of a measure and due date, from the delivery log (key: escalation|measure|id|due|step|…).</summary>
    private static async Task<List<StepMessage>> StepMessagesAsync(HttpClient client, string measureId, DateOnly due)
    {
        var prefix = $"escalation|measure|{measureId}|{due:yyyy-MM-dd}|";
        return [.. (await client.NotificationsAsync())
            .Where(m => m.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal))
            .Select(m => new StepMessage(m.IdempotencyKey[prefix.Length..].Split('|')[0], m.IdempotencyKey + "→" + m.RecipientId, m.Status))];
    }

    private static async Task<List<StepMessage>> WaitForStepMessagesAsync(
        HttpClient client, string measureId, DateOnly due, string step, TimeSpan timeout, bool sent)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<StepMessage> messages = [];
        while (DateTime.UtcNow < deadline)
        {
            messages = await StepMessagesAsync(client, measureId, due);
            var ofStep = messages.Where(m => m.Step == step).ToList();
            // Delivered: sent, and none of the step's messages still in a dispatcher's hands (the fixed kill point).
            if (ofStep.Count > 0 && (!sent || (ofStep.Any(m => m.Status == OutboxStatus.Sent) && !ofStep.Any(m => m.Status == OutboxStatus.Sending))))
            {
                return ofStep;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{measureId} did not reach {step}{(sent ? " (delivered)" : string.Empty)} in {timeout.TotalSeconds} s: [{string.Join(", ", messages)}]");
        return messages;
    }

    /// <summary>
    /// Waits until the outbox holds nothing pending or sending, then: every delivered mail is in MailDev, and no
    /// Message-ID (sha256(recipient|key), the outbox's message key) arrived more than twice — the one duplicate the
    /// at-least-once window allows (docs/notifications.md).
    /// </summary>
    private async Task AssertMailDeliveredWithinTheWindowAsync(GroupKillRig rig, HttpClient client, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        IReadOnlyList<NotificationView> messages;
        while (true)
        {
            messages = await client.NotificationsAsync();
            if (!messages.Any(m => m.Channel == ContactChannels.Email && m.Status is OutboxStatus.Pending or OutboxStatus.Sending))
            {
                break;
            }

            Assert.IsTrue(DateTime.UtcNow < deadline, "the outbox still holds undelivered messages after 120 s: " + string.Join("; ", messages));
            await Task.Delay(500, cancel);
        }

        TestContext.WriteLine(string.Join("\n", messages));
        var copies = rig.MailCopiesByMessageId();
        var delivered = messages.Where(IsDeliveredMail).ToList();
        Assert.IsTrue(delivered.Count > 0, "the scenario delivered mail");
        foreach (var message in delivered)
        {
            var messageId = MessageIdOf(message.RecipientId, message.IdempotencyKey);
            Assert.IsTrue(copies.ContainsKey(messageId),
                $"{message.IdempotencyKey} ({messageId}) was marked sent but never reached MailDev, which holds: {string.Join(", ", copies.Keys)}");
        }

        Assert.AreEqual(delivered.Count, copies.Count, "MailDev holds no message the outbox does not know as delivered");
        var doubled = copies.Where(c => c.Value > 1).ToList();
        TestContext.WriteLine($"{delivered.Count} message(s) delivered, {doubled.Count} of them twice (the at-least-once window).");
        Assert.IsTrue(copies.Values.All(c => c <= 2), "no message arrived more than twice: " + string.Join(", ", doubled));
    }

    /// <summary>A mail the dispatcher marked sent: it must be in MailDev.</summary>
    private static bool IsDeliveredMail(NotificationView message) =>
        message.Status == OutboxStatus.Sent && message.Channel == ContactChannels.Email;

    /// <summary>The Message-ID the dispatcher gives a message: derived from its recipient and idempotency key.</summary>
    private static string MessageIdOf(string recipientId, string idempotencyKey) =>
        "<" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientId + "|" + idempotencyKey))) + "@crash.test>";

    /// <summary>The doctor's pass after the restart audited each rebuild, and a second pass finds nothing broken.</summary>
    private static async Task AssertDoctorLeavesNothingBrokenAsync(GroupKillRig rig, string doctorOutput)
    {
        var rebuilt = int.Parse(System.Text.RegularExpressions.Regex.Match(doctorOutput, @"(\d+) rebuilt").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.AreEqual(rebuilt, await rig.RepairAuditRowsAsync(), "one audit row per rebuild");
        var (code, check) = await rig.DoctorCheckAsync();
        Assert.AreEqual(0, code, check);
        StringAssert.Contains(check, "0 broken", check);
    }

    private static Dictionary<string, string> Settings(string connectionString) => new(TestKeys.UnitKeySettings())
    {
        ["RectifyFlows__Seed__Enabled"] = "false",
        ["RectifyFlows__Storage__ConnectionString"] = connectionString,
        ["RectifyFlows__Operations__DoctorInterval"] = "00:00:00",
    };
}
