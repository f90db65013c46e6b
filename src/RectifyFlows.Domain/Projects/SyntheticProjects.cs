using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Projects;

/// <summary>
/// Synthetic 2016 projects for each township of a synthetic plan (load tests and benches: about eight per township),
/// so the weekly dispatch and the quarterly evaluation have progress to rank. Deterministic per township id, marked
/// synthetic, with a spread of progress so some townships clearly trail. The seed office's projects are not these:
/// it ships the report's aggregates reconstructed as rows (seeds/ganxian-2017.projects.json).
/// </summary>
public static class SyntheticProjects
{
    public const int PerTownship = 8;

    public static IReadOnlyList<Project> For(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var projects = new List<Project>();
        foreach (var township in plan.Units.Where(u => u.Kind == UnitKind.Township))
        {
            var random = new Random(Seed(township.Id));
            // A township's pace: most are far along, a few lag (the report's "进度较慢的后三名").
            var pace = 0.35 + random.NextDouble() * 0.65;
            for (var n = 1; n <= PerTownship; n++)
            {
                var percent = (int)Math.Clamp(Math.Round(pace * 100 + random.Next(-25, 26)), 0, 100);
                var allocated = 200_000m + random.Next(0, 30) * 50_000m;
                var status = percent >= 100 ? "completed" : percent == 0 ? "notStarted" : "underConstruction";
                projects.Add(new Project
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"{township.Id}-2016-{n:D2}"),
                    UnitId = township.Id,
                    Name = string.Create(CultureInfo.InvariantCulture, $"{township.Name}2016年产业扶贫项目{n}号（合成）"),
                    Year = 2016,
                    Category = "产业",
                    FundingLevel = "provincial",
                    Provenance = Provenance.Synthetic,
                    Status = status,
                    Percent = percent,
                    Allocated = allocated,
                    Disbursed = Math.Round(allocated * Math.Min(1m, percent / 100m + (decimal)random.NextDouble() * 0.1m), 2),
                    Synthetic = true,
                });
            }
        }

        return projects;
    }

    private static int Seed(string id) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0);
}
