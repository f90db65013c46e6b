using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Storage.Strikes;

namespace RectifyFlows.Workflows.QuarterlyEvaluation;

/// <summary>
/// Records each township's strike (or clean quarter) once per quarter and returns the consecutive counts over adjacent
/// quarters and the sanctions (<see cref="StrikeRepository"/>: a gap resets, a late older quarter changes nothing after it).
/// </summary>
public sealed class ApplyStrikesActivity(StrikeRepository strikes, IOptions<WorkflowOptions> options)
    : WorkflowActivity<QuarterlyStep, IReadOnlyList<StrikeOutcome>>
{
    protected override async Task<IReadOnlyList<StrikeOutcome>> ExecuteAsync(QuarterlyStep input, CancellationToken ct)
    {
        var outcomes = new List<StrikeOutcome>();
        foreach (var township in input.Scores)
        {
            var strike = StrikeLadder.IsStrike(township.Score, township.Bottom, options.Value.StrikeThreshold);
            var (consecutive, late) = await strikes.ApplyAsync(township.UnitId, input.Quarter, strike, ct);
            outcomes.Add(new StrikeOutcome(township.UnitId, township.Name, township.Score, township.Rank, strike, consecutive,
                strike ? StrikeLadder.Sanction(consecutive) : null, late));
        }

        return outcomes;
    }
}
