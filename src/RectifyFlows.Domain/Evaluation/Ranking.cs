namespace RectifyFlows.Domain.Evaluation;

/// <summary>Ranks units by a score and picks the bottom N, with a stable tie-break by id.</summary>
public static class Ranking
{
    /// <summary>Units ordered best first; ties broken by id so the outcome never depends on storage order.</summary>
    public static IReadOnlyList<T> BestFirst<T>(IEnumerable<T> items, Func<T, decimal> score, Func<T, string> id) =>
        [.. items.OrderByDescending(score).ThenBy(id, StringComparer.Ordinal)];

    public static IReadOnlyList<T> Bottom<T>(IReadOnlyList<T> bestFirst, int count)
    {
        ArgumentNullException.ThrowIfNull(bestFirst);
        return [.. bestFirst.Skip(Math.Max(0, bestFirst.Count - count))];
    }
}
