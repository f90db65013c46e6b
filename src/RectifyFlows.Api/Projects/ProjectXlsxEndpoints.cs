using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Routing;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Reports.Xlsx;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Projects;

/// <summary>
/// The projects ledger round trip for an office: <c>GET /api/projects/ledger.xlsx?officeId=</c> exports its projects
/// (an office without projects gets the empty template), <c>POST</c> of the edited or filled-in file registers new
/// rows and replaces changed ones. The whole file is checked first — cells, then the same rules as the plan file and
/// <c>POST /api/projects</c>, then the versions — and nothing is written unless every row passes; each written project
/// leaves an audit row with the operator's principal, and an unchanged row writes nothing.
/// </summary>
public static partial class ProjectXlsxEndpoints
{
    /// <summary>Tens of thousands of project rows are a few MB; a bigger upload is not a projects ledger.</summary>
    public const long MaxUploadBytes = 8 * 1024 * 1024;

    public const string ImportAction = "xlsx-import";

    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ExportProjectsXlsx", "GET", "/api/projects/ledger.xlsx", Policies.Operator, "Projects",
            r => ExportAsync(r.Context, r.Service<ProjectRepository>(), r.Service<UnitRepository>(), r.Service<TimeProvider>())) { Query = ["officeId"] },
        new("ImportProjectsXlsx", "POST", "/api/projects/ledger.xlsx", Policies.Operator, "Projects",
            r => ImportAsync(r.Context, r.Service<ProjectRepository>(), r.Service<UnitRepository>(), r.Service<TimeProvider>(),
                r.Service<ILoggerFactory>())) { Query = ["officeId"] },
    ];

    private static async Task<IResult> ExportAsync(HttpContext context, ProjectRepository projects, UnitRepository units, TimeProvider time)
    {
        var ct = context.RequestAborted;
        var (officeId, problem) = await OfficeAsync(context, units);
        if (problem is not null)
        {
            return problem;
        }

        var names = (await units.ListByOfficeAsync(officeId!, ct)).ToDictionary(u => u.RowKey, u => u.Name, StringComparer.Ordinal);
        var rows = (await projects.ListVersionedAsync(officeId!, ct))
            .OrderBy(p => p.Project.UnitId, StringComparer.Ordinal).ThenBy(p => p.Project.Id, StringComparer.Ordinal)
            .Select(p => new ProjectWorkbook.Row(p.Project, p.Version, names.GetValueOrDefault(p.Project.UnitId, p.Project.UnitId),
                p.Project.VillageId is { } village ? names.GetValueOrDefault(village, village) : null));
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{officeId}-projects-{ChinaTime.Today(time):yyyyMMdd}.xlsx");
        return Results.File(ProjectWorkbook.Write(rows), XlsxWriter.ContentType, fileName);
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, ProjectRepository projects, UnitRepository units, TimeProvider time, ILoggerFactory loggers)
    {
        var ct = context.RequestAborted;
        var (officeId, problem) = await OfficeAsync(context, units);
        if (problem is not null)
        {
            return problem;
        }

        var (file, uploadProblem) = await XlsxUpload.ReadAsync(context.Request, MaxUploadBytes, "attach the projects ledger (.xlsx) as a file.");
        if (uploadProblem is not null)
        {
            return uploadProblem;
        }

        using var stream = new MemoryStream(file!);
        var read = ProjectWorkbook.Read(stream);
        if (!read.IsValid)
        {
            return Rejected(read.Errors);
        }

        // Townships and villages are the office's own: a project of another office's unit belongs in that office's ledger.
        var scope = (await units.ListByOfficeAsync(officeId!, ct))
            .ToDictionary(u => u.RowKey, u => Enum.TryParse<UnitKind>(u.Kind, out var kind) ? kind : (UnitKind?)null, StringComparer.Ordinal);
        var cells = new ValidationErrors();
        var accepted = new List<(ProjectImportRow Row, Project Project)>();
        foreach (var row in read.Rows)
        {
            var errors = new ValidationErrors();
            var project = ProjectReader.Read(errors, "row", row.Document, id => scope.GetValueOrDefault(id));
            foreach (var (field, messages) in errors.ToDictionary())
            {
                AddCell(cells, row.RowNumber, field["row.".Length..], messages);
            }

            if (project is not null)
            {
                accepted.Add((row, project));
            }
        }

        if (cells.HasErrors)
        {
            return Rejected(cells.ToDictionary());
        }

        var stored = (await projects.ListVersionedAsync(officeId!, ct)).ToDictionary(p => p.Project.Id, StringComparer.Ordinal);
        var versions = accepted.ToDictionary(a => a.Project.Id, a => a.Row.Version, StringComparer.Ordinal);
        ValidationErrors refused;
        try
        {
            refused = await projects.ImportAsync(officeId!, [.. accepted.Select(a => a.Project)], context.User.PrincipalId(), time.GetUtcNow(),
                ImportAction, ct, versions);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("项目正被他人修改，请重新导出后再导入", ex.Message, "concurrency-conflict");
        }

        if (refused.HasErrors)
        {
            var rowOf = accepted.ToDictionary(a => a.Project.Id, a => a.Row.RowNumber, StringComparer.Ordinal);
            foreach (var (key, messages) in refused.ToDictionary())
            {
                // projects[{id}].{field}
                var id = key[(key.IndexOf('[', StringComparison.Ordinal) + 1)..key.IndexOf(']', StringComparison.Ordinal)];
                AddCell(cells, rowOf.GetValueOrDefault(id, 1), key[(key.LastIndexOf('.') + 1)..], messages);
            }

            return Rejected(cells.ToDictionary());
        }

        var created = accepted.Count(a => !stored.ContainsKey(a.Project.Id));
        var unchanged = accepted.Count(a => stored.TryGetValue(a.Project.Id, out var s) && s.Project == a.Project);
        var updated = accepted.Count - created - unchanged;
        var logger = loggers.CreateLogger(typeof(ProjectXlsxEndpoints));
        LogImported(logger, officeId!, created, updated, accepted.Count);
        return TypedResults.Ok(new { officeId, rows = accepted.Count, created, updated, unchanged });
    }

    /// <summary>The <c>officeId</c> of the query: a district or township unit (400 when malformed, 404 when unknown).</summary>
    private static async Task<(string? OfficeId, IResult? Problem)> OfficeAsync(HttpContext context, UnitRepository units)
    {
        var officeId = context.Request.Query["officeId"].ToString();
        if (!Identifiers.IsValid(officeId))
        {
            return (null, Problems.Validation("officeId", "is required: the district or township office whose projects ledger this is."));
        }

        var office = await units.GetAsync(officeId, context.RequestAborted);
        return office?.Unit.Kind is UnitKind.District or UnitKind.Township
            ? (officeId, null)
            : (null, Problems.NotFound("Office", officeId));
    }

    private static void AddCell(ValidationErrors cells, int row, string field, IEnumerable<string> messages)
    {
        var column = ProjectWorkbook.FieldColumns.GetValueOrDefault(field, 0);
        foreach (var message in messages)
        {
            cells.Add(XlsxCellNames.Reference(column, row), ProjectWorkbook.Where(row, column) + message);
        }
    }

    private static IResult Rejected(IEnumerable<KeyValuePair<string, string[]>> errors) => XlsxUpload.Rejected(errors, "项目台账文件", "未写入任何项目");

    [LoggerMessage(Level = LogLevel.Information, Message = "Projects ledger import of office {OfficeId}: {Created} created, {Updated} updated of {Rows} rows")]
    private static partial void LogImported(ILogger logger, string officeId, int created, int updated, int rows);
}
