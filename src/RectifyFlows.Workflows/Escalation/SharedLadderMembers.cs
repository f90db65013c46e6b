namespace RectifyFlows.Workflows.Escalation;

/// <summary>Reading a shared ladder's members: a handful at a time, in the input's order.</summary>
internal static class SharedLadderMembers
{
    /// <summary>Members read or sent at once: a cycle step opens a few dozen actions per office, each its own partition.</summary>
    public const int Parallelism = 8;

    /// <summary>The members whose current due date is still <paramref name="dueDate"/> (null: closed).</summary>
    public static async Task<IReadOnlyList<ItemRef>> StillOpenAsync(
        IReadOnlyList<ItemRef> items, DateOnly dueDate, Func<ItemRef, Task<DateOnly?>> currentDueDate, CancellationToken ct)
    {
        var due = new DateOnly?[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, _) => due[i] = await currentDueDate(items[i]));
        return [.. items.Where((_, i) => due[i] == dueDate)];
    }
}
