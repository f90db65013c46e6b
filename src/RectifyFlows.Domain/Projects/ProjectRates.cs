using RectifyFlows.Domain.Reporting;

namespace RectifyFlows.Domain.Projects;

/// <summary>
/// The rates of a set of projects (a township's, a category's, an office's): start rate (开工率) = started / total,
/// completion rate (完成率) = completed / total, disbursement rate (拨付率) = disbursed / allocated. A set with no
/// projects has no rates ("no data"), never 0%.
/// </summary>
public sealed record ProjectRates(string Key, string Name, int Projects, int Started, int Completed, decimal Allocated, decimal Disbursed, RateFormat Format)
{
    /// <summary>The formulas as a report states them, with the rounding.</summary>
    public static string Formulas(RateFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"开工率=已开工项目数÷项目总数；完成率=已完工项目数÷项目总数；拨付率=已拨付资金÷下达资金；{format.Describe()}。无项目的单位列为“无数据”，不参与排名。";
    }

    public bool HasData => Projects > 0;

    public Rate StartRate => Rate.Completion(Started, Projects, Format);

    public Rate Completion => Rate.Completion(Completed, Projects, Format);

    public Rate Disbursement => Rate.Disbursement(Disbursed, Allocated, Format);

    public static ProjectRates Of(string key, string name, IReadOnlyCollection<Project> projects, RateFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        return new(key, name, projects.Count, projects.Count(p => p.IsStarted), projects.Count(p => p.IsCompleted),
            projects.Sum(p => p.Allocated), projects.Sum(p => p.Disbursed), format ?? RateFormat.Default);
    }

    /// <summary>Per township and per category of one set of projects, each ordered by key.</summary>
    public static (IReadOnlyList<ProjectRates> Townships, IReadOnlyList<ProjectRates> Categories) Breakdown(
        IReadOnlyCollection<Project> projects, Func<string, string> townshipName, RateFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(townshipName);
        var townships = projects.GroupBy(p => p.UnitId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, townshipName(g.Key), [.. g], format)).ToList();
        var categories = projects.GroupBy(p => p.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, g.Key, [.. g], format)).ToList();
        return (townships, categories);
    }
}
