namespace RectifyFlows.Workflows.Tests.Offices;

/// <summary>
/// The period's orchestrator across offices on the in-process durable engine, with stand-in office cycles: one
/// orchestration per office under its deterministic id, results relayed to the office whose team sent them,
/// counts summed, the roll-up archived once.
/// </summary>
[TestClass]
public sealed class OfficeCyclesOrchestratorTests : InMemoryOrchestratorTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task RunsOneCyclePerOffice_RelaysEachResultToItsTeamsOffice_AndSumsTheCounts()
    {
        var rolledUp = new List<RollUpInput>();
        DurableTaskClient? client = null;
        await using var host = await StartEngineAsync<OfficeCyclesOrchestrator>(tasks =>
        {
            tasks.AddActivityFunc<CycleRun, IReadOnlyList<Office>>(nameof(ListOfficesActivity), (_, _) => Task.FromResult<IReadOnlyList<Office>>(
            [
                new Office("ganxian", "赣县区", ["ganxian-2017"], ["巡视"], ["team-1", "team-2"]),
                new Office("tw-shiyuan", "石芫乡", ["shiyuan-2017"], ["成效考核"], ["sy-team-1"]),
            ]));
            tasks.AddActivityFunc<RollUpInput, int>(nameof(StartOfficeCyclesActivity), async (_, input) =>
            {
                foreach (var office in input.OfficeIds)
                {
                    await client!.ScheduleNewOrchestrationInstanceAsync(nameof(MonthlyCycleOrchestrator), new MonthlyCycleInput(input.Period, office),
                        new StartOrchestrationOptions { InstanceId = CyclePeriods.InstanceId(input.Kind, input.Period, office) });
                }

                return input.OfficeIds.Count;
            });
            tasks.AddActivityFunc<RollUpInput, int>(nameof(ArchiveRollUpActivity), (_, input) =>
            {
                lock (rolledUp)
                {
                    rolledUp.Add(input);
                }

                return Task.FromResult(input.OfficeIds.Count);
            });

            // A stand-in office cycle: collects until each of its teams reported, as the real one does.
            tasks.AddOrchestratorFunc<MonthlyCycleInput, CycleStatus>(nameof(MonthlyCycleOrchestrator), async (context, input) =>
            {
                var teams = input.OfficeId == "ganxian" ? 2 : 1;
                var reported = new HashSet<string>(StringComparer.Ordinal);
                while (reported.Count < teams)
                {
                    var result = await context.WaitForExternalEvent<InspectionResultEvent>(InspectionResultEvent.Name);
                    reported.Add(result.TeamId);
                }

                var status = new CycleStatus { Phase = "Done", Teams = teams, TeamsReported = reported.Count, Findings = 10 * teams };
                OfficeCycleDone.Send(context, CycleKind.Monthly, input.Office, status);
                return status;
            });
        });

        client = host.Client;
        var id = CyclePeriods.InstanceId(CycleKind.Monthly, "2017-03");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(OfficeCyclesOrchestrator), new CycleRun(CycleKind.Monthly, "2017-03"),
            new StartOrchestrationOptions { InstanceId = id }, Ct);
        foreach (var team in new[] { "team-1", "sy-team-1", "team-unknown", "team-2" })
        {
            await client.RaiseEventAsync(id, InspectionResultEvent.Name, new InspectionResultEvent(team, "u", $"e-{team}"), Ct);
        }

        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus, done.FailureDetails?.ErrorMessage);
        var status = done.ReadOutputAs<CycleStatus>()!;
        Assert.AreEqual("Done", status.Phase);
        Assert.AreEqual(3, status.TeamsReported, "each office's cycle got its own teams' results");
        Assert.AreEqual(30, status.Findings, "the counts are the offices' summed");
        CollectionAssert.AreEqual(new[] { "ganxian", "tw-shiyuan" }, status.Offices!.ToArray());

        foreach (var office in new[] { "ganxian", "tw-shiyuan" })
        {
            var child = await client.GetInstanceAsync(CyclePeriods.InstanceId(CycleKind.Monthly, "2017-03", office), Ct);
            Assert.AreEqual(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus, $"monthly-{office}-2017-03 ran under its deterministic id");
        }

        Assert.AreEqual(1, rolledUp.Count);
        CollectionAssert.AreEqual(new[] { "ganxian", "tw-shiyuan" }, rolledUp[0].OfficeIds.ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request)]
    public async Task AWeeklyPeriod_StartsEachOfficesCycle_SumsTheirEnds_AndRollsUpOnce()
    {
        var calls = new ActivityCalls();
        DurableTaskClient? client = null;
        await using var host = await StartEngineAsync<OfficeCyclesOrchestrator>(tasks =>
        {
            tasks.AddFake<CycleRun, IReadOnlyList<Office>>(nameof(ListOfficesActivity), calls, _ =>
                [new Office("ganxian", "赣县区", ["p-1"], ["巡视"], []), new Office("tw-shiyuan", "石芫乡", ["p-2"], ["成效考核"], [])]);
            tasks.AddActivityFunc<RollUpInput, int>(nameof(StartOfficeCyclesActivity), async (_, input) =>
            {
                calls.Add(nameof(StartOfficeCyclesActivity), input);
                foreach (var office in input.OfficeIds)
                {
                    await client!.ScheduleNewOrchestrationInstanceAsync(nameof(WeeklyDispatchOrchestrator), new OfficePeriod(office, input.Period),
                        new StartOrchestrationOptions(CyclePeriods.InstanceId(input.Kind, input.Period, office)));
                }

                return input.OfficeIds.Count;
            });
            tasks.AddFake<RollUpInput, int>(nameof(ArchiveRollUpActivity), calls, input => input.OfficeIds.Count);

            // A stand-in office cycle: ends at once with counts of its own.
            tasks.AddOrchestratorFunc<OfficePeriod, CycleStatus>(nameof(WeeklyDispatchOrchestrator), (context, office) =>
            {
                var status = new CycleStatus { Phase = "Done", ActionsOpened = office.OfficeId == "ganxian" ? 2 : 1, MessagesWritten = 5 };
                OfficeCycleDone.Send(context, CycleKind.Weekly, office, status);
                return Task.FromResult(status);
            });
        });

        client = host.Client;
        var done = await client.RunAsync(nameof(OfficeCyclesOrchestrator), new CycleRun(CycleKind.Weekly, "2017-W14"), "weekly-2017-W14", Ct);

        var status = done.ReadOutputAs<CycleStatus>()!;
        Assert.AreEqual("Done", status.Phase);
        Assert.AreEqual(3, status.ActionsOpened);
        Assert.AreEqual(10, status.MessagesWritten);
        CollectionAssert.AreEqual(new[] { nameof(ListOfficesActivity), nameof(StartOfficeCyclesActivity), nameof(ArchiveRollUpActivity) }, calls.Names.ToArray());
        var rollUp = calls.InputsOf<RollUpInput>(nameof(ArchiveRollUpActivity)).Single();
        Assert.AreEqual(new RollUpInput(CycleKind.Weekly, "2017-W14", rollUp.OfficeIds), rollUp);
        CollectionAssert.AreEqual(new[] { "ganxian", "tw-shiyuan" }, rollUp.OfficeIds.ToArray());
    }
}
