namespace RectifyFlows.Domain.Plans;

/// <summary>Where an item of a plan comes from, when not from the source document itself.</summary>
public enum Provenance
{
    /// <summary>Stated by the source document.</summary>
    Source,

    /// <summary>推定: inferred from the source (a grouping, a due date the text implies).</summary>
    Assumed,

    /// <summary>合成: made up so the workflows can run (contacts, names the source does not give).</summary>
    Synthetic,

    /// <summary>重建: reconstructed to agree with every figure the source quotes (the seed's project aggregates).</summary>
    Reconstructed,
}

/// <summary>One flagged item: its kind (unit, official, measure, category, project…), its id and how it is sourced.</summary>
public sealed record ProvenanceFlag(string ItemKind, string ItemId, Provenance Provenance, string? Note = null);

/// <summary>Chinese names of <see cref="Provenance"/>.</summary>
public static class Provenances
{
    public static string DisplayName(this Provenance provenance) => provenance switch
    {
        Provenance.Source => "原文",
        Provenance.Assumed => "推定",
        Provenance.Synthetic => "合成",
        Provenance.Reconstructed => "重建",
        _ => provenance.ToString(),
    };
}
