using Azure.Data.Tables;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>
/// The plan's outline in its ledger partition: a row per category (RK <c>category|id</c>) and per problem
/// (<c>problem|id</c>), each the record's fields (<see cref="RecordColumns{T}"/>; the id as <c>CategoryId</c> or
/// <c>ProblemId</c>) and its <c>Order</c> in the file.
/// </summary>
internal static class PlanOutlineRows
{
    private const string OrderColumn = "Order";

    private static readonly RecordColumns<Category> CategoryColumns =
        new RecordColumns<Category>().Rename(nameof(Category.Id), "CategoryId");

    private static readonly RecordColumns<Problem> ProblemColumns =
        new RecordColumns<Problem>().Rename(nameof(Problem.Id), "ProblemId");

    public static TableEntity Row(string planId, Category category, int order) =>
        Ordered(CategoryColumns.ToRow(category, planId, LedgerKeys.Categories.Key(category.Id)), order);

    public static TableEntity Row(string planId, Problem problem, int order) =>
        Ordered(ProblemColumns.ToRow(problem, planId, LedgerKeys.Problems.Key(problem.Id)), order);

    /// <summary>A plan's categories with their order: one range query.</summary>
    public static Task<Dictionary<string, (Category Category, int Order)>> ReadCategoriesAsync(
        TableClient ledger, string planId, CancellationToken cancellationToken) =>
        ReadAsync(ledger, LedgerKeys.Categories.Filter(planId), CategoryColumns, c => c.Id, cancellationToken);

    /// <summary>A plan's problems with their order: one range query.</summary>
    public static Task<Dictionary<string, (Problem Problem, int Order)>> ReadProblemsAsync(
        TableClient ledger, string planId, CancellationToken cancellationToken) =>
        ReadAsync(ledger, LedgerKeys.Problems.Filter(planId), ProblemColumns, p => p.Id, cancellationToken);

    private static TableEntity Ordered(TableEntity row, int order)
    {
        row[OrderColumn] = order;
        return row;
    }

    private static async Task<Dictionary<string, (T, int)>> ReadAsync<T>(
        TableClient ledger, string filter, RecordColumns<T> columns, Func<T, string> idOf, CancellationToken cancellationToken)
        where T : class
    {
        var items = new Dictionary<string, (T, int)>(StringComparer.Ordinal);
        await foreach (var row in ledger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var item = columns.FromRow(row);
            items[idOf(item)] = (item, row.GetInt32(OrderColumn) ?? 0);
        }

        return items;
    }
}
