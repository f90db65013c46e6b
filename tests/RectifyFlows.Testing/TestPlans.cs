using System.Text.Json;
using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Testing;

/// <summary>Plan files for tests, derived from the real seed so they stay in step with its format.</summary>
public static class TestPlans
{
    /// <summary>The plan id of the seed (seeds/ganxian-2017.plan.json), which the Development profile imports on start.</summary>
    public const string SeedPlanId = "ganxian-2017-xunshi6";

    /// <summary>The seed plan file as a document.</summary>
    public static PlanDocument SeedDocument() =>
        JsonSerializer.Deserialize<PlanDocument>(File.ReadAllBytes(RepositoryFiles.SeedPlan), PlanReader.JsonOptions)!;

    /// <summary>
    /// A copy of the seed district with its own ids (<c>{prefix}-…</c>, via the synthetic generator) and, unless
    /// asked, no recorded evidence, so every measure starts NotStarted.
    /// </summary>
    public static PlanDocument District(int index = 1, bool withEvidence = false)
    {
        var document = SyntheticPlanGenerator.Generate(SeedDocument(), index).Last();
        if (!withEvidence)
        {
            foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
            {
                measure!.Evidence = [];
            }
        }

        return document;
    }

    /// <summary>The format 2 example plan (石芫乡, 成效考核) as a document.</summary>
    public static PlanDocument TownshipDocument() =>
        JsonSerializer.Deserialize<PlanDocument>(File.ReadAllBytes(RepositoryFiles.TownshipExamplePlan), PlanReader.JsonOptions)!;

    public static Plan Read(PlanDocument document)
    {
        var result = PlanReader.Validate(document);
        if (!result.IsValid)
        {
            throw new InvalidOperationException("Test plan invalid: " + string.Join("; ", result.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        return result.Plan!;
    }

    public static byte[] ToJson(PlanDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, PlanReader.JsonOptions);

    /// <summary>A deep copy to mutate.</summary>
    public static PlanDocument Clone(PlanDocument document) =>
        JsonSerializer.Deserialize<PlanDocument>(ToJson(document), PlanReader.JsonOptions)!;

    /// <summary>The first measure of the first problem.</summary>
    public static MeasureDocument FirstMeasure(PlanDocument document) => document.Categories![0]!.Problems![0]!.Measures![0]!;
}
