using RectifyFlows.Domain.Leads;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class LeadLifecycleTests
{
    private static readonly DateTimeOffset Received = new(2017, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private static Lead Registered() => LeadValidator.Validate(new LeadRequest
    {
        EventId = "lead-evt-1", ReceivedAt = Received, Source = "hotline-12317", Subject = "村干部优亲厚友", Detail = "反映某村低保评定优亲厚友。",
    }, unitExists: true, defaultDeadlineDays: 15).Lead!;

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LeadValidator_RegistersWithDefaultDeadline_FromTheChinaDateOfReceipt()
    {
        var lead = Registered();

        Assert.AreEqual(LeadStatus.Registered, lead.Status);
        Assert.AreEqual(new DateOnly(2017, 3, 17), lead.Deadline);
        Assert.AreEqual(LeadValidator.IdOf("lead-evt-1"), lead.Id);
        Assert.IsFalse(lead.IsOverdue(new DateOnly(2017, 3, 17)), "due on the deadline itself, overdue the day after");
        Assert.IsTrue(lead.IsOverdue(new DateOnly(2017, 3, 18)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LeadValidator_NamesEveryInvalidField_WhenTheBodyIsBad()
    {
        var (lead, errors) = LeadValidator.Validate(new LeadRequest { EventId = "bad id!", Source = "Hotline/12317", Subject = " ", UnitId = "nowhere" },
            unitExists: false, defaultDeadlineDays: 15);

        Assert.IsNull(lead);
        CollectionAssert.AreEquivalent(new[] { "eventId", "receivedAt", "source", "subject", "detail", "unitId" }, errors.ToDictionary().Keys.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LeadLifecycle_DisposesAnAssignedLead_AndRecordsWhoDidWhat()
    {
        var assigned = LeadLifecycle.Assign(Registered(), "tw-shiyuan", new DateOnly(2017, 3, 31), "office-1", Received.AddDays(1));
        var closed = LeadLifecycle.Dispose(assigned, LeadDisposition.Closed, "经核查，反映问题不属实。", "office-1", Received.AddDays(5));

        Assert.AreEqual(LeadStatus.Closed, closed.Status);
        Assert.AreEqual(LeadDisposition.Closed, closed.Disposition);
        Assert.AreEqual(3, closed.Version);
        Assert.IsFalse(closed.IsOverdue(new DateOnly(2017, 5, 1)), "a disposed lead is never overdue");
        CollectionAssert.AreEqual(new[] { "register", "assign", "disposition" }, closed.History.Select(h => h.Action).ToArray());
        Assert.AreEqual(LeadStatus.Assigned, closed.History[^1].From);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void LeadLifecycle_RefusesDisposition_WhenNotAssignedOrAlreadyDisposed()
    {
        var registered = Registered();
        Assert.ThrowsExactly<LeadTransitionException>(() => LeadLifecycle.Dispose(registered, LeadDisposition.CaseFiled, "立案", "office-1", Received));

        var filed = LeadLifecycle.Dispose(LeadLifecycle.Assign(registered, "tw-shiyuan", new DateOnly(2017, 3, 31), "office-1", Received),
            LeadDisposition.CaseFiled, "已立案审查", "office-1", Received);
        Assert.ThrowsExactly<LeadTransitionException>(() => LeadLifecycle.Dispose(filed, LeadDisposition.Closed, "了结", "office-1", Received));
        Assert.ThrowsExactly<LeadTransitionException>(() => LeadLifecycle.Assign(filed, "tw-meilin", new DateOnly(2017, 4, 30), "office-1", Received));
    }
}
