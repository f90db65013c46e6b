using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Tests;

[TestClass]
public sealed class FieldChecksTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Date_ReadsABusinessDate_AndNamesTheFieldOfABadOrMissingOne()
    {
        var errors = new ValidationErrors();

        Assert.AreEqual(new DateOnly(2017, 3, 31), errors.Date("dueDate", "2017-03-31"));
        Assert.IsNull(errors.Date("feedbackDate", "2017-02-30"));
        Assert.IsNull(errors.Date("effectiveDate", null));
        Assert.IsNull(errors.Date("asOf", "31/03/2017", required: false));

        var messages = errors.ToDictionary();
        Assert.AreEqual("'2017-02-30' is not a date in the form yyyy-MM-dd.", messages["feedbackDate"].Single());
        Assert.AreEqual("is required (yyyy-MM-dd).", messages["effectiveDate"].Single());
        Assert.AreEqual("'31/03/2017' is not a date in the form yyyy-MM-dd.", messages["asOf"].Single());
        Assert.AreEqual(3, errors.Count);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Date_LeavesAnOptionalFieldOut_WithoutAnError()
    {
        var errors = new ValidationErrors();

        Assert.IsNull(errors.Date("newDueDate", null, required: false));

        Assert.IsFalse(errors.HasErrors);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void DateTime_ReadsATimeWithoutOffset_InChinaStandardTime_AndKeepsAGivenOffset()
    {
        var errors = new ValidationErrors();

        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 1, 0, 0, TimeSpan.Zero), errors.DateTime("since", "2017-03-31T09:00:00"));
        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 9, 0, 0, TimeSpan.Zero), errors.DateTime("since", "2017-03-31T09:00:00Z"));
        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 9, 0, 0, TimeSpan.FromHours(-5)), errors.DateTime("since", "2017-03-31T09:00:00-05:00"));
        Assert.AreEqual(new DateTimeOffset(2017, 3, 30, 16, 0, 0, TimeSpan.Zero), errors.DateTime("since", "2017-03-31"), "a date alone is midnight in China");
        Assert.IsFalse(errors.HasErrors);

        Assert.IsNull(errors.DateTime("since", "yesterday"));
        Assert.IsNull(errors.DateTime("until", " "));
        var messages = errors.ToDictionary();
        Assert.AreEqual("'yesterday' is not an ISO 8601 date-time, e.g. 2017-03-31T09:00:00+08:00.", messages["since"].Single());
        Assert.AreEqual("is required: an ISO 8601 date-time, e.g. 2017-03-31T09:00:00+08:00.", messages["until"].Single());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Enum_ReadsTheCamelCaseWireName_AndListsTheAllowedNamesWhenItIsNone()
    {
        var errors = new ValidationErrors();

        Assert.AreEqual(MeasureStatus.EvidenceSubmitted, errors.Enum<MeasureStatus>("status", "evidenceSubmitted"));
        Assert.AreEqual(MeasureKind.LongTerm, errors.Enum<MeasureKind>("kind", "LONGTERM"), "any case is accepted");
        Assert.IsNull(errors.Enum<MeasureKind>("kind", "2"), "a number is not a name");
        Assert.IsNull(errors.Enum<Colour>("colour", null));
        Assert.IsNull(errors.Enum<Colour>("filter", null, required: false));

        var messages = errors.ToDictionary();
        Assert.AreEqual("'2' is not one of: immediate, deadline, longTerm.", messages["kind"].Single());
        Assert.AreEqual("is required: one of green, yellow, red.", messages["colour"].Single());
        Assert.IsFalse(messages.ContainsKey("filter"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void OneOf_AcceptsOnlyTheExactWireValue()
    {
        var errors = new ValidationErrors();
        string[] severities = ["low", "medium", "high"];

        Assert.AreEqual("low", errors.OneOf("severity", "low", severities));
        Assert.IsNull(errors.OneOf("findings[0].severity", "Low", severities));

        Assert.AreEqual("'Low' is not one of: low, medium, high.", errors.ToDictionary()["findings[0].severity"].Single());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void TextAndMaxLength_CountCharacters_AndSayHowManyAreAllowed()
    {
        var errors = new ValidationErrors();

        Assert.IsTrue(errors.Text("subject", "整改到位", 4));
        Assert.IsTrue(errors.MaxLength("note", null, 10), "an absent optional text fits");
        Assert.IsFalse(errors.Text("detail", "  ", 10));
        Assert.IsFalse(errors.MaxLength("note", new string('字', 2001), 2000));

        var messages = errors.ToDictionary();
        Assert.AreEqual("is required.", messages["detail"].Single());
        Assert.AreEqual("is 2001 characters long; at most 2000 are allowed.", messages["note"].Single());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Id_NamesTheRule_AndSkipsAnAbsentOptionalId()
    {
        var errors = new ValidationErrors();

        Assert.IsTrue(errors.Id("unitId", "shiyuan-xiang"));
        Assert.IsTrue(errors.Id("personId", null, required: false));
        Assert.IsFalse(errors.Id("teamId", null));
        Assert.IsFalse(errors.Id("planId", "Plan 1", required: false));

        var messages = errors.ToDictionary();
        Assert.AreEqual("is required.", messages["teamId"].Single());
        Assert.AreEqual("'Plan 1' is not a valid id: use lowercase letters, digits and '-', at most 64 characters.", messages["planId"].Single());
        Assert.AreEqual(2, errors.Count);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MonthInstantAndFlag_ReadWhatTheWebhooksAndQueriesSend()
    {
        var errors = new ValidationErrors();

        Assert.AreEqual(new DateOnly(2017, 3, 1), errors.Month("month", "2017-03"));
        Assert.IsTrue(errors.Instant("receivedAt", DateTimeOffset.UnixEpoch));
        Assert.IsTrue(errors.Flag("overdue", "true"));
        Assert.IsNull(errors.Flag("archived", null));
        Assert.IsFalse(errors.HasErrors);

        Assert.IsNull(errors.Month("month", "2017-13"));
        Assert.IsFalse(errors.Instant("inspectedAt", null));
        Assert.IsNull(errors.Flag("overdue", "yes"));

        var messages = errors.ToDictionary();
        Assert.AreEqual("is required in the form yyyy-MM.", messages["month"].Single());
        Assert.AreEqual("is required (ISO 8601 with offset).", messages["inspectedAt"].Single());
        Assert.AreEqual("must be true or false.", messages["overdue"].Single());
    }
}
