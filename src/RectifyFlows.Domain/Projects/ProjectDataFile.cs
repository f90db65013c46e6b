using System.Globalization;
using System.Text.Json;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Projects;

/// <summary>
/// A projects data file (seeds/ganxian-2017.projects.json): an office's projects in their current state, each with
/// earlier snapshots (<c>history</c>), so figures quoted "before" and "after" can both be reproduced.
/// </summary>
public sealed class ProjectDataFile
{
    public required string OfficeId { get; init; }
    public required IReadOnlyList<Project> Projects { get; init; }

    /// <summary>Each project as it stood on an earlier date the file records (its current state if none).</summary>
    public required IReadOnlyDictionary<DateOnly, IReadOnlyList<Project>> Snapshots { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Reads and validates the file against the plan's units; throws naming the first bad field.</summary>
    public static ProjectDataFile Read(ReadOnlySpan<byte> utf8Json, Func<string, UnitKind?> kindOf)
    {
        var document = JsonSerializer.Deserialize<FileDocument>(utf8Json, PlanReader.JsonOptions)
            ?? throw new InvalidDataException("The projects file must be a JSON object.");
        var errors = new ValidationErrors();
        var projects = new List<Project>();
        var snapshots = new Dictionary<DateOnly, List<Project>>();
        foreach (var (item, i) in (document.Projects ?? []).Select((x, i) => (x, i)))
        {
            var project = ProjectReader.Read(errors, $"projects[{i}]", item, kindOf);
            if (project is null)
            {
                continue;
            }

            projects.Add(project);
            foreach (var state in item!.History ?? [])
            {
                var asOf = DateOnly.ParseExact(state.AsOf!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!snapshots.TryGetValue(asOf, out var list))
                {
                    snapshots[asOf] = list = [];
                }

                list.Add(project with { Status = state.Status!, Percent = state.Percent ?? 0, Disbursed = state.Disbursed ?? 0m });
            }
        }

        if (errors.HasErrors)
        {
            var first = errors.ToDictionary().First();
            throw new InvalidDataException($"The projects file is invalid: {first.Key}: {string.Join(" ", first.Value)} ({errors.Count} problem(s)).");
        }

        return new ProjectDataFile
        {
            OfficeId = document.OfficeId ?? string.Empty,
            Projects = projects,
            Snapshots = snapshots.ToDictionary(s => s.Key, s => (IReadOnlyList<Project>)s.Value),
            Notes = document.Notes ?? [],
        };
    }

#pragma warning disable CA1812, CA1002, CA2227 // instantiated by the serializer; DTOs of a JSON format
    private sealed class FileDocument
    {
        public string? OfficeId { get; set; }
        public List<string>? Notes { get; set; }
        public List<ProjectWithHistory?>? Projects { get; set; }
    }
#pragma warning restore CA1812, CA1002, CA2227
}

/// <summary>A project row of a data file, with its earlier states.</summary>
#pragma warning disable CA1002, CA2227
public sealed class ProjectWithHistory : ProjectDocument
{
    public List<ProjectState>? History { get; set; }
}

/// <summary>A project's state on a past date.</summary>
public sealed class ProjectState
{
    public string? AsOf { get; set; }
    public string? Status { get; set; }
    public int? Percent { get; set; }
    public decimal? Disbursed { get; set; }
}
#pragma warning restore CA1002, CA2227
