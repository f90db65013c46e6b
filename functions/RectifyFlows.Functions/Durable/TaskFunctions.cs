using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;
using RectifyFlows.Workflows.Offices;
using RectifyFlows.Workflows.QuarterlyEvaluation;
using RectifyFlows.Workflows.TenDayReport;
using RectifyFlows.Workflows.WeeklyDispatch;

namespace RectifyFlows.Functions.Durable;

/// <summary>
/// The Functions wrappers of the shared orchestrators and activities (RectifyFlows.Workflows), one per entry of
/// <c>DependencyInjection.TaskTypes</c> and in its order, which <c>FunctionsMetadataTests</c> hold them to. Each function
/// is named after its class, because the orchestrators call activities by <c>nameof(Class)</c>; each body is one call to
/// <see cref="TaskOrchestratorRunner"/> or <see cref="TaskActivityRunner"/>, whose type parameters pin it to its class.
/// An activity that starts orchestrations binds the durable client and gets its starter over it (<see cref="BoundClient"/>).
/// </summary>
public static class TaskFunctions
{
    // A period across offices: starts each office's cycle and waits for them, then archives the roll-up.
    [Function(nameof(OfficeCyclesOrchestrator))]
    public static Task<CycleStatus> RunOfficeCycles([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<OfficeCyclesOrchestrator, CycleRun, CycleStatus>(context);

    [Function(nameof(ListOfficesActivity))]
    public static Task<IReadOnlyList<Office>> ListOffices([ActivityTrigger] CycleRun input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ListOfficesActivity, CycleRun, IReadOnlyList<Office>>(function, instanceId, input);

    [Function(nameof(StartOfficeCyclesActivity))]
    public static Task<int> StartOfficeCycles(
        [ActivityTrigger] RollUpInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<StartOfficeCyclesActivity, RollUpInput, int>(
            function, instanceId, input, BoundClient.Create<CycleStarter>(function, client));

    [Function(nameof(ArchiveRollUpActivity))]
    public static Task<int> ArchiveRollUp([ActivityTrigger] RollUpInput input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveRollUpActivity, RollUpInput, int>(function, instanceId, input);

    // The monthly cycle of one office.
    [Function(nameof(MonthlyCycleOrchestrator))]
    public static Task<CycleStatus> RunMonthlyCycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<MonthlyCycleOrchestrator, MonthlyCycleInput, CycleStatus>(context);

    [Function(nameof(OpenMonthlyRoundActivity))]
    public static Task<MonthlyRound> OpenMonthlyRound([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenMonthlyRoundActivity, OfficePeriod, MonthlyRound>(function, instanceId, input);

    [Function(nameof(SendMonthlyBulletinActivity))]
    public static Task<MonthlySummary> SendMonthlyBulletin([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<SendMonthlyBulletinActivity, OfficePeriod, MonthlySummary>(function, instanceId, input);

    [Function(nameof(OpenMonthlyActionsActivity))]
    public static Task<int> OpenMonthlyActions(
        [ActivityTrigger] OfficePeriod input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenMonthlyActionsActivity, OfficePeriod, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(ArchiveMonthlyReportActivity))]
    public static Task<MonthlySummary> ArchiveMonthlyReport([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveMonthlyReportActivity, OfficePeriod, MonthlySummary>(function, instanceId, input);

    // The weekly dispatch of one office.
    [Function(nameof(WeeklyDispatchOrchestrator))]
    public static Task<CycleStatus> RunWeeklyDispatch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<WeeklyDispatchOrchestrator, OfficePeriod, CycleStatus>(context);

    [Function(nameof(RankTownshipsActivity))]
    public static Task<IReadOnlyList<TownshipRank>> RankTownships([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<RankTownshipsActivity, OfficePeriod, IReadOnlyList<TownshipRank>>(function, instanceId, input);

    [Function(nameof(OpenCallInsActivity))]
    public static Task<int> OpenCallIns(
        [ActivityTrigger] WeeklyStep input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenCallInsActivity, WeeklyStep, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(SendWeeklyBulletinActivity))]
    public static Task<int> SendWeeklyBulletin([ActivityTrigger] WeeklyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<SendWeeklyBulletinActivity, WeeklyStep, int>(function, instanceId, input);

    // The quarterly evaluation of one office.
    [Function(nameof(QuarterlyEvaluationOrchestrator))]
    public static Task<CycleStatus> RunQuarterlyEvaluation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<QuarterlyEvaluationOrchestrator, OfficePeriod, CycleStatus>(context);

    [Function(nameof(ScoreTownshipsActivity))]
    public static Task<IReadOnlyList<TownshipScore>> ScoreTownships([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ScoreTownshipsActivity, OfficePeriod, IReadOnlyList<TownshipScore>>(function, instanceId, input);

    [Function(nameof(ApplyStrikesActivity))]
    public static Task<IReadOnlyList<StrikeOutcome>> ApplyStrikes([ActivityTrigger] QuarterlyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ApplyStrikesActivity, QuarterlyStep, IReadOnlyList<StrikeOutcome>>(function, instanceId, input);

    [Function(nameof(OpenSanctionsActivity))]
    public static Task<int> OpenSanctions(
        [ActivityTrigger] QuarterlyStep input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<OpenSanctionsActivity, QuarterlyStep, int>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    [Function(nameof(ArchiveQuarterlyReportActivity))]
    public static Task<int> ArchiveQuarterlyReport([ActivityTrigger] QuarterlyStep input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveQuarterlyReportActivity, QuarterlyStep, int>(function, instanceId, input);

    // The ten-day report of one office.
    [Function(nameof(TenDayReportOrchestrator))]
    public static Task<CycleStatus> RunTenDayReport([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<TenDayReportOrchestrator, OfficePeriod, CycleStatus>(context);

    [Function(nameof(RequestReverificationActivity))]
    public static Task<int> RequestReverification([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<RequestReverificationActivity, OfficePeriod, int>(function, instanceId, input);

    [Function(nameof(ArchiveTenDayReportActivity))]
    public static Task<int> ArchiveTenDayReport([ActivityTrigger] OfficePeriod input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<ArchiveTenDayReportActivity, OfficePeriod, int>(function, instanceId, input);

    // The deadline ladder of one item; a level-3 step opens a supervision order and starts its ladder.
    [Function(nameof(EscalationOrchestrator))]
    public static Task<string> RunEscalation([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<EscalationOrchestrator, EscalationInput, string>(context);

    [Function(nameof(LoadEscalationItemActivity))]
    public static Task<EscalationItemState> LoadEscalationItem([ActivityTrigger] ItemRef input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<LoadEscalationItemActivity, ItemRef, EscalationItemState>(function, instanceId, input);

    [Function(nameof(NotifyEscalationStepActivity))]
    public static Task<EscalationStepResult> NotifyEscalationStep(
        [ActivityTrigger] EscalationStepRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<NotifyEscalationStepActivity, EscalationStepRequest, EscalationStepResult>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));

    // The ladder the actions of one cycle step share (ADR 0020): each step goes to every member still open.
    [Function(nameof(SharedLadderOrchestrator))]
    public static Task<string> RunSharedLadder([OrchestrationTrigger] TaskOrchestrationContext context) =>
        TaskOrchestratorRunner.RunAsync<SharedLadderOrchestrator, SharedLadderInput, string>(context);

    [Function(nameof(LoadSharedLadderActivity))]
    public static Task<SharedLadderState> LoadSharedLadder([ActivityTrigger] SharedLadderInput input, string instanceId, FunctionContext function) =>
        TaskActivityRunner.RunAsync<LoadSharedLadderActivity, SharedLadderInput, SharedLadderState>(function, instanceId, input);

    [Function(nameof(NotifySharedLadderStepActivity))]
    public static Task<SharedStepResult> NotifySharedLadderStep(
        [ActivityTrigger] SharedStepRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        TaskActivityRunner.RunAsync<NotifySharedLadderStepActivity, SharedStepRequest, SharedStepResult>(
            function, instanceId, input, BoundClient.Create<EscalationStarter>(function, client));
}
