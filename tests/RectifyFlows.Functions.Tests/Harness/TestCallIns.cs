using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// Call-ins opened straight in the app's store as one cycle step would open them: one per unit, the same source and due
/// date, all on the shared ladder those make (ADR 0020). The ladder itself is the test's to start.
/// </summary>
public static class TestCallIns
{
    /// <summary>Opens them; returns the shared ladder's id and its members, in the order of <paramref name="unitIds"/>.</summary>
    public static async Task<(string Ladder, List<ItemRef> Members)> OpenAsync(
        FunctionsHarness app, string source, DateOnly due, IEnumerable<string> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(unitIds);
        var ladder = SharedLadderInput.IdFor(source, due);
        var actions = app.Services.GetRequiredService<ActionRepository>();
        var members = new List<ItemRef>();
        foreach (var unit in unitIds)
        {
            var action = new AccountabilityAction
            {
                // Ids are lower-case (Identifiers), as the product's ActionIds make them from a source like this one.
                Id = $"{source.ToLowerInvariant()}-callin-{unit}", UnitId = unit, Kind = ActionKind.CallIn, Reason = "测试约谈",
                Source = source, DueDate = due, OpenedAt = DateTimeOffset.UtcNow, Ladder = ladder,
            };
            Assert.IsTrue(await actions.OpenAsync(action, cancellationToken), action.Id);
            members.Add(ItemRef.Action(unit, action.Id, ladder));
        }

        return (ladder, members);
    }
}
