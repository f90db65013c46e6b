using RectifyFlows.Domain.Leads;
using RectifyFlows.Storage.Leads;

namespace RectifyFlows.Storage.Tests;

[TestClass]
public sealed class LeadRepositoryTests : LedgerTests
{
    private static readonly DateTimeOffset Received = new(2017, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static Lead NewLead(string eventId) => LeadValidator.Validate(new LeadRequest
    {
        EventId = eventId, ReceivedAt = Received, Source = "hotline-12317", Subject = $"线索 {eventId}", Detail = "群众来电反映。",
    }, unitExists: true, defaultDeadlineDays: 15).Lead!;

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task RegisterAsync_StoresOnce_WhenTheSameLeadArrivesTwice()
    {
        var leads = Ledger.Get<LeadRepository>();
        var lead = NewLead("evt-1");

        Assert.IsTrue(await leads.RegisterAsync(lead, Ct));
        Assert.IsFalse(await leads.RegisterAsync(lead, Ct));

        Assert.HasCount(1, await leads.ListAsync(null, Ct));
        var audit = await leads.AuditAsync(lead.Id, Ct);
        Assert.AreEqual("webhook:hotline-12317", audit.Single().Actor);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task ListOverdueAsync_ListsOnlyLeadsPastTheirDeadlineWithoutDisposition_AfterAssignAndDisposition()
    {
        var leads = Ledger.Get<LeadRepository>();
        var late = NewLead("evt-late");
        var moved = NewLead("evt-moved");
        var disposed = NewLead("evt-disposed");
        foreach (var lead in new[] { late, moved, disposed })
        {
            await leads.RegisterAsync(lead, Ct);
        }

        var asOf = new DateOnly(2017, 3, 20);
        await leads.UpdateAsync(moved.Id, l => LeadLifecycle.Assign(l, "tw-shiyuan", new DateOnly(2017, 4, 30), "office-1", Received), Ct);
        await leads.UpdateAsync(disposed.Id, l => LeadLifecycle.Assign(l, "tw-shiyuan", new DateOnly(2017, 3, 10), "office-1", Received), Ct);
        Assert.HasCount(2, await leads.ListOverdueAsync(asOf, Ct), "the lead assigned with a past deadline is overdue too");
        await leads.UpdateAsync(disposed.Id, l => LeadLifecycle.Dispose(l, LeadDisposition.Transferred, "移送区纪委", "office-1", Received), Ct);

        var overdue = await leads.ListOverdueAsync(asOf, Ct);
        CollectionAssert.AreEqual(new[] { late.Id }, overdue.Select(l => l.Id).ToArray());
        Assert.HasCount(1, await leads.ListOverdueAsync(new DateOnly(2017, 4, 30), Ct), "the moved lead is due on 4-30, not yet overdue");
        Assert.HasCount(2, await leads.ListOverdueAsync(new DateOnly(2017, 5, 1), Ct));
        var audit = await leads.AuditAsync(disposed.Id, Ct);
        CollectionAssert.AreEqual(new[] { "register", "assign", "disposition" }, audit.Select(a => a.Action).ToArray());
        Assert.AreEqual("office-1", audit[^1].Actor);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task UpdateAsync_LetsExactlyOneDispositionWin_WhenTenWritersRace()
    {
        var leads = Ledger.Get<LeadRepository>();
        var lead = NewLead("evt-race");
        await leads.RegisterAsync(lead, Ct);
        await leads.UpdateAsync(lead.Id, l => LeadLifecycle.Assign(l, "tw-shiyuan", new DateOnly(2017, 3, 31), "office-1", Received), Ct);

        var writers = Enumerable.Range(1, 10).Select(n => Task.Run(async () =>
        {
            try
            {
                await leads.UpdateAsync(lead.Id, l => LeadLifecycle.Dispose(l, LeadDisposition.Closed, $"writer {n}", $"writer-{n}", Received), Ct);
                return true;
            }
            catch (LeadTransitionException)
            {
                return false;
            }
        }));
        var won = await Task.WhenAll(writers);

        Assert.AreEqual(1, won.Count(w => w));
        var stored = (await leads.GetAsync(lead.Id, Ct))!;
        Assert.AreEqual(3, stored.Version);
        Assert.HasCount(1, (await leads.AuditAsync(lead.Id, Ct)).Where(a => a.Action == "disposition"));
    }
}
