using Microsoft.Extensions.Logging;

namespace RectifyFlows.Workflows.Escalation;

/// <summary>
/// One step of a shared ladder: <see cref="EscalationStepSender"/> for each member still open, a few at a time. Each
/// member's messages have their own keys, so a retried step sends nothing twice; members found closed leave the ladder.
/// </summary>
public sealed partial class NotifySharedLadderStepActivity(
    EscalationStepSender sender, EscalationStarter escalations, ILogger<NotifySharedLadderStepActivity> logger)
    : WorkflowActivity<SharedStepRequest, SharedStepResult>
{
    protected override async Task<SharedStepResult> ExecuteAsync(SharedStepRequest input, CancellationToken ct)
    {
        var results = new EscalationStepResult[input.Items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, input.Items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SharedLadderMembers.Parallelism, CancellationToken = ct },
            async (i, token) => results[i] = await sender.SendAsync(new EscalationStepRequest(input.Items[i], input.DueDate, input.Step), escalations, token));

        var stillOpen = input.Items.Where((_, i) => results[i].Outcome == EscalationStepResult.Sent).ToList();
        var written = results.Sum(r => r.MessagesWritten);
        LogStep(input.Step.Name, input.Items.Count, stillOpen.Count, written);
        return new SharedStepResult(stillOpen, written);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shared ladder step {Step}: {Members} member(s), {StillOpen} still open, {Written} new message(s)")]
    private partial void LogStep(string step, int members, int stillOpen, int written);
}
