namespace RectifyFlows.Workflows.Escalation;

/// <summary>One step of an item's own ladder (<see cref="EscalationOrchestrator"/>): <see cref="EscalationStepSender"/> does the work.</summary>
public sealed class NotifyEscalationStepActivity(EscalationStepSender sender, EscalationStarter escalations)
    : WorkflowActivity<EscalationStepRequest, EscalationStepResult>
{
    protected override Task<EscalationStepResult> ExecuteAsync(EscalationStepRequest input, CancellationToken ct) =>
        sender.SendAsync(input, escalations, ct);
}
