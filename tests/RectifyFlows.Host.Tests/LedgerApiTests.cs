namespace RectifyFlows.Host.Tests;

/// <summary>The ledger API of api.md against the running host: reads, the lifecycle, keys and scopes, bad input.</summary>
[TestClass]
public sealed class LedgerApiTests : DistrictHostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Healthz_Answers200_WithoutAKey()
    {
        using var client = Host.Client();
        var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), Ct);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Measures_ListsThe33MeasuresOf9Problems_OfTheSeedPlan()
    {
        using var client = Host.Client(TestKeys.Operator);
        var measures = await client.MeasuresAsync($"planId={TestPlans.SeedPlanId}");

        Assert.AreEqual(33, measures.Count);
        Assert.HasCount(33, measures.Items);
        Assert.AreEqual(9, measures.Items.Select(m => m.ProblemId).Distinct().Count());

        var plan = await client.GetJsonAsync($"api/plans/{TestPlans.SeedPlanId}");
        Assert.AreEqual(9, plan["problemCount"]!.GetValue<int>());
        Assert.AreEqual("精准帮扶政策把握和运用不够", plan["categories"]![0]!["problems"]![0]!["title"]!.GetValue<string>());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Measures_FiltersByUnitColourAndStatus()
    {
        using var client = Host.Client(TestKeys.Operator);
        var red = await client.MeasuresAsync($"planId={TestPlans.SeedPlanId}&colour=red&overdue=true");
        Assert.IsTrue(red.Items.All(m => m.Colour == "red" && m.Overdue));
        // The seed's evidence was submitted on time: red only once a test returns a measure (its clock restarts).
        Assert.AreEqual(red.Items.Count, red.Count);

        var fupin = await client.MeasuresAsync("unitId=dept-fupin&status=evidenceSubmitted");
        Assert.IsTrue(fupin.Items.All(m => m.LeadUnitId == "dept-fupin" || m.ResponsibleUnitIds.Contains("dept-fupin")));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Lifecycle_WalksProgressEvidenceSignOff_WithHistory()
    {
        using var unit = Host.Client(TestKeys.Fupin);
        using var leader = Host.Client(TestKeys.Leader);
        const string id = "d001-p1-m1";

        Assert.AreEqual("inProgress", (await unit.ReportProgressAsync(id, 60, "已完成资金清理")).Status);

        var evidence = await unit.PostJsonAsync($"api/measures/{id}/evidence", new
        {
            text = "已全数追回违规资金",
            effectiveDate = "2017-03-20",
            attachments = new[] { new { name = "追回凭证.pdf", url = "https://files.example.gov.cn/a.pdf" } },
        });
        Assert.AreEqual(HttpStatusCode.OK, evidence.StatusCode, await evidence.Content.ReadAsStringAsync());

        Assert.AreEqual("signedOff", (await leader.SignOffAsync(id, "accept", "成效属实，同意销号")).Status);

        var detail = await leader.MeasureAsync(id);
        CollectionAssert.AreEqual(new[] { "import.created", "progress", "evidence", "signoff" }, detail.History.Select(e => e.Action).ToList());
        Assert.AreEqual("dev-leader", detail.History[3].Actor);
        Assert.AreEqual("已全数追回违规资金", detail.Evidence[0].Text);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task SignOff_Is409_WithoutEvidence_AndChangesNothing()
    {
        using var client = Host.Client(TestKeys.Operator);
        var before = await Host.Ledger.SnapshotAsync();

        var response = await client.PostJsonAsync("api/measures/d001-p2-m1/signoff", new { decision = "accept", comment = "ok" });

        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        StringAssert.EndsWith(problem["type"]!.GetValue<string>(), "/illegal-transition");
        Assert.AreEqual("notStarted", problem["measureStatus"]!.GetValue<string>());
        await Host.Ledger.AssertUnchangedAsync(before);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Progress_Is403_ForAnotherUnitsKey_AndChangesNothing()
    {
        using var shiyuan = Host.Client(TestKeys.Shiyuan);
        var before = await Host.Ledger.SnapshotAsync();

        var response = await shiyuan.PostJsonAsync("api/measures/d001-p4-m1/progress", new { percent = 10 });

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Host.Ledger.AssertUnchangedAsync(before);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Keys_AreRequired_AndRolesEnforced()
    {
        using var anonymous = Host.Client();
        using var unknown = Host.Client("not-a-key");
        using var unit = Host.Client(TestKeys.Fupin);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"api/plans/{TestPlans.SeedPlanId}", UriKind.Relative), Ct)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await unknown.GetAsync(new Uri($"api/plans/{TestPlans.SeedPlanId}", UriKind.Relative), Ct)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await unit.PostJsonAsync("api/plans", TestPlans.ToJson(TestPlans.District(1)))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await unit.PostJsonAsync("api/measures/d001-p1-m3/signoff", new { decision = "accept" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await unit.GetAsync(new Uri("api/measures?unitId=d001-tw-shiyuan", UriKind.Relative), Ct)).StatusCode);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    [DataRow("""{"percent": 150}""", "percent")]
    [DataRow("""{"percent": "half"}""", "percent")]
    [DataRow("""{"percent": 10, "colour": "red"}""", "colour")]
    [DataRow("""{"percent": 10, "note": 5}""", "note")]
    [DataRow("""{"percent": 10""", "percent")] // truncated: named where reading stopped
    [DataRow("""[]""", "$")]
    [DataRow("""{}""", "percent")]
    public async Task Progress_Is400_NamingTheField_ForBadBodies(string body, string field)
    {
        using var unit = Host.Client(TestKeys.Fupin);
        var before = await Host.Ledger.SnapshotAsync();

        var response = await unit.PostJsonAsync("api/measures/d001-p1-m2/progress", Encoding.UTF8.GetBytes(body));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.IsTrue(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Select(e => e.Key))}, not {field}");
        await Host.Ledger.AssertUnchangedAsync(before);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Plans_Reimport_IsUnchanged_AndWritesNothing()
    {
        using var client = Host.Client(TestKeys.Operator);
        var before = await Host.Ledger.SnapshotAsync();

        var response = await client.PostJsonAsync("api/plans", TestPlans.ToJson(TestPlans.District(1)));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("unchanged", (await response.ReadJsonAsync())["outcome"]!.GetValue<string>());
        await Host.Ledger.AssertUnchangedAsync(before);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Plans_AnInvalidPlan_Is400_NamingEveryProblem_AndWritesNothing()
    {
        using var client = Host.Client(TestKeys.Operator);
        var document = TestPlans.District(3);
        var measures = document.Categories![0]!.Problems![0]!.Measures!;
        measures[1]!.Id = measures[0]!.Id;
        measures[2]!.LeadUnitId = "d003-nowhere";
        measures[3]!.DueDate = "2015-01-01";
        document.Categories[1]!.Problems![0]!.Title = null;
        var before = await Host.Ledger.SnapshotAsync();

        var response = await client.PostJsonAsync("api/plans", TestPlans.ToJson(document));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).ToArray();
        CollectionAssert.IsSubsetOf(new[]
        {
            "categories[0].problems[0].measures[1].id",
            "categories[0].problems[0].measures[2].leadUnitId",
            "categories[0].problems[0].measures[3].dueDate",
            "categories[1].problems[0].title",
        }, errors);
        await Host.Ledger.AssertUnchangedAsync(before);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task Plans_BrokenJsonOrWrongMediaType_IsRefusedWithAProblem()
    {
        using var client = Host.Client(TestKeys.Operator);
        var broken = await client.PostJsonAsync("api/plans", Encoding.UTF8.GetBytes("""{"formatVersion": 1, "planId": """));
        Assert.AreEqual(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.AreEqual("application/problem+json", broken.Content.Headers.ContentType?.MediaType);

        using var text = new StringContent("planId=x", Encoding.UTF8, "text/plain");
        var wrongType = await client.PostAsync(new Uri("api/plans", UriKind.Relative), text, Ct);
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }
}
