using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Api.Auth;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;

namespace RectifyFlows.Host.Startup;

/// <summary>On start: creates the tables, registers configured API keys (hashed, <see cref="ConfiguredKeyRegistrar"/>, shared with the Functions app) and imports the seed plan.</summary>
public sealed partial class LedgerInitializer(
    StorageSchema schema,
    OutboxRepository outbox,
    ProjectRepository projects,
    ConfiguredKeyRegistrar keys,
    PlanImporter importer,
    IOptions<SeedOptions> seed,
    TimeProvider time,
    ILogger<LedgerInitializer> logger) : IHostedService
{
    public const string SeedActor = "seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.CreateIfNotExistsAsync(cancellationToken);
        await outbox.CreateIfNotExistsAsync(cancellationToken);

        await keys.RegisterAsync(cancellationToken);

        if (seed.Value.Enabled)
        {
            await ImportSeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportSeedAsync(CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(seed.Value.PlanFile) ? seed.Value.PlanFile : Path.Combine(AppContext.BaseDirectory, seed.Value.PlanFile);
        if (!File.Exists(path))
        {
            LogSeedMissing(path);
            return;
        }

        var read = PlanReader.Read(await File.ReadAllBytesAsync(path, cancellationToken));
        if (!read.IsValid)
        {
            throw new InvalidOperationException($"The seed plan {path} is invalid: " +
                string.Join("; ", read.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        var result = await importer.ImportAsync(read.Plan!, SeedActor, cancellationToken);
        LogSeedImported(result.PlanId, result.Outcome, read.Plan!.Measures.Count);

        // The report quotes project aggregates only: the seed office gets them as reconstructed project rows (every
        // quoted figure reproduces from them), written once and left alone when unchanged.
        var projectsPath = Path.IsPathRooted(seed.Value.ProjectsFile) ? seed.Value.ProjectsFile : Path.Combine(AppContext.BaseDirectory, seed.Value.ProjectsFile);
        if (string.IsNullOrEmpty(seed.Value.ProjectsFile) || !File.Exists(projectsPath))
        {
            LogSeedMissing(projectsPath);
            return;
        }

        var kinds = read.Plan.Units.ToDictionary(u => u.Id, u => u.Kind, StringComparer.Ordinal);
        var data = ProjectDataFile.Read(await File.ReadAllBytesAsync(projectsPath, cancellationToken), id => kinds.TryGetValue(id, out var k) ? k : null);
        var errors = await projects.ImportAsync(read.Plan.OfficeId, data.Projects, SeedActor, time.GetUtcNow(), "seed", cancellationToken);
        if (errors.HasErrors)
        {
            throw new InvalidOperationException($"The seed projects {projectsPath} conflict with stored ones: " +
                string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        LogProjectsSeeded(data.Projects.Count, read.Plan.OfficeId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed projects: {Count} reconstructed projects for office {OfficeId} (unchanged ones not rewritten)")]
    private partial void LogProjectsSeeded(int count, string officeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed plan file {Path} not found; skipping the seed import")]
    private partial void LogSeedMissing(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed plan {PlanId}: {Outcome} ({MeasureCount} measures)")]
    private partial void LogSeedImported(string planId, PlanImportOutcome outcome, int measureCount);
}
