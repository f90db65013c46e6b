using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RectifyFlows.Api.Routing;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;
using RectifyFlows.Api.Auth;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Units;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.Reports.Xlsx;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Ledger;

/// <summary>
/// The ledger round-trip for the office: <c>GET /api/plans/{planId}/ledger.xlsx</c> exports the plan's measures,
/// <c>POST</c> of the edited file imports changed 进度 and 整改时限. The whole file is checked before anything is
/// written; each changed row then goes through <see cref="MeasureRepository.UpdateAsync"/>, so it leaves an audit
/// record with the operator's principal, and an unchanged row writes nothing.
/// </summary>
public static partial class LedgerXlsxEndpoints
{
    /// <summary>A ledger of a few thousand measures is well under 1 MB; a bigger upload is not a ledger.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    public const string ImportAction = "ledger-import";

    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ExportLedgerXlsx", "GET", "/api/plans/{planId}/ledger.xlsx", Policies.Operator, "Plans",
            r => ExportAsync(r.Route("planId"), r.Context, r.Service<PlanRepository>(), r.Service<UnitRepository>(), r.Service<TimeProvider>(),
                r.Service<IOptions<ColourOptions>>())),
        new("ImportLedgerXlsx", "POST", "/api/plans/{planId}/ledger.xlsx", Policies.Operator, "Plans",
            r => ImportAsync(r.Route("planId"), r.Context, r.Service<PlanRepository>(), r.Service<MeasureRepository>(), r.Durable<EscalationStarter>(),
                r.Service<TimeProvider>(), r.Service<ILoggerFactory>())) { Durable = true },
    ];

    private static async Task<IResult> ExportAsync(
        string planId, HttpContext context, PlanRepository plans, UnitRepository units, TimeProvider time, IOptions<ColourOptions> colours)
    {
        var plan = Identifiers.IsValid(planId) ? await plans.GetAsync(planId, context.RequestAborted) : null;
        if (plan is null)
        {
            return Problems.NotFound("Plan", planId);
        }

        var today = ChinaTime.Today(time);
        var unitNames = (await units.ListByOfficeAsync(plan.OfficeId, context.RequestAborted))
            .ToDictionary(u => u.RowKey, u => u.Name, StringComparer.Ordinal);
        var officials = new Dictionary<string, string>(StringComparer.Ordinal);
        // Leading officials sit in the office's (or its district's) unit; one read each.
        foreach (var unitId in new[] { plan.OfficeId, plan.DistrictId }.Distinct(StringComparer.Ordinal))
        {
            foreach (var official in (await units.GetAsync(unitId, context.RequestAborted))?.Officials ?? [])
            {
                officials[official.Id] = official.Name is { Length: > 0 } name ? $"{official.Role} {name}" : official.Role;
            }
        }
        var problems = plan.Problems.Select((p, i) => (p, i)).ToDictionary(x => x.p.Id, x => x, StringComparer.Ordinal);
        var rows = plan.Measures
            .OrderBy(m => problems.TryGetValue(m.ProblemId, out var p) ? p.i : int.MaxValue).ThenBy(m => m.Number)
            .Select(m =>
            {
                var problem = problems.TryGetValue(m.ProblemId, out var p) ? $"{p.p.Number} {p.p.Title}" : m.ProblemId;
                var overdue = m.DaysOverdue(today);
                string Names(IEnumerable<string> ids) => string.Join("、", ids.Select(id => unitNames.GetValueOrDefault(id, id)));
                var flags = string.Join("；", plan.Provenance.Where(f => f.ItemId == m.Id || f.ItemId == m.ProblemId || f.ItemId == m.CategoryId)
                    .Select(f => f.ItemKind switch
                    {
                        "measure.dueDate" => "整改时限" + f.Provenance.DisplayName(),
                        "category" => "大类" + f.Provenance.DisplayName(),
                        "problem" => "问题" + f.Provenance.DisplayName(),
                        _ => "措施" + f.Provenance.DisplayName(),
                    }).Distinct(StringComparer.Ordinal));
                return new LedgerWorkbookRow(m.Id, problem, m.Number, m.Text, Names(m.LeadUnitIds),
                    MeasureNames.Chinese(m.Status), MeasureNames.Chinese(ColourRule.Evaluate(m, today, colours.Value)), m.Progress,
                    m.EffectiveDueDate, overdue, m.Version,
                    m.HasLeadOfficial ? officials.GetValueOrDefault(m.LeadOfficialId, m.LeadOfficialId) : "（未指定）",
                    Names(m.ResponsibleUnitIds), flags);
            });
        var fileName = string.Create(CultureInfo.InvariantCulture, $"{plan.Id}-ledger-{today:yyyyMMdd}.xlsx");
        return Results.File(LedgerWorkbook.Write(rows), XlsxWriter.ContentType, fileName);
    }

    private static async Task<IResult> ImportAsync(
        string planId, HttpContext context, PlanRepository plans, MeasureRepository measures, EscalationStarter escalations,
        TimeProvider time, ILoggerFactory loggers)
    {
        var ct = context.RequestAborted;
        if (!Identifiers.IsValid(planId))
        {
            return Problems.NotFound("Plan", planId);
        }

        var (file, problem) = await XlsxUpload.ReadAsync(context.Request, MaxUploadBytes, "attach the edited ledger (.xlsx) as a file.");
        if (problem is not null)
        {
            return problem;
        }

        using var stream = new MemoryStream(file!);
        var read = LedgerWorkbook.Read(stream);
        if (!read.IsValid)
        {
            return Rejected(read.Errors);
        }

        var current = new Dictionary<string, Measure>(StringComparer.Ordinal);
        await foreach (var measure in measures.ListByPlanAsync(planId, ct))
        {
            current[measure.Id] = measure;
        }

        if (current.Count == 0 && await plans.GetAsync(planId, ct) is null)
        {
            return Problems.NotFound("Plan", planId);
        }

        var errors = new ValidationErrors();
        var changes = new List<LedgerImportRow>();
        var now = time.GetUtcNow();
        foreach (var row in read.Rows)
        {
            if (!current.TryGetValue(row.MeasureId, out var measure))
            {
                var owner = await measures.FindPlanIdAsync(row.MeasureId, ct);
                errors.Add(row.Cell(LedgerWorkbook.IdColumn), LedgerWorkbook.Where(row.RowNumber, LedgerWorkbook.IdColumn) + (owner is null
                    ? $"措施 {row.MeasureId} 不存在。"
                    : $"措施 {row.MeasureId} 属于方案 {owner}，不属于方案 {planId}。"));
                continue;
            }

            if (row.Progress == measure.Progress && row.DueDate == measure.EffectiveDueDate)
            {
                continue;
            }

            if (row.Version != measure.Version)
            {
                errors.Add(row.Cell(LedgerWorkbook.VersionColumn), LedgerWorkbook.Where(row.RowNumber, LedgerWorkbook.VersionColumn)
                    + $"导出后该措施已被修改（版本 {row.Version} → {measure.Version}），请重新导出后再编辑。");
                continue;
            }

            // Dry run of the same lifecycle step the write will take, so an illegal change is refused before anything is written.
            try
            {
                MeasureLifecycle.CorrectLedger(measure, row.Progress, row.DueDate, now);
                changes.Add(row);
            }
            catch (IllegalTransitionException ex)
            {
                var column = row.Progress != measure.Progress ? LedgerWorkbook.ProgressColumn : LedgerWorkbook.DueDateColumn;
                errors.Add(row.Cell(column), LedgerWorkbook.Where(row.RowNumber, column) + ex.Detail);
            }
        }

        if (errors.HasErrors)
        {
            return Rejected(errors.ToDictionary());
        }

        var actor = context.User.PrincipalId();
        var applied = new List<string>();
        try
        {
            foreach (var row in changes)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"台账导入 第{row.RowNumber}行");
                await measures.UpdateAsync(row.MeasureId, actor, measure => measure.Version == row.Version
                    ? new MeasureChange(MeasureLifecycle.CorrectLedger(measure, row.Progress, row.DueDate, time.GetUtcNow()), ImportAction, reason)
                    : throw new ConcurrencyConflictException($"Measure {row.MeasureId} changed while the ledger was being imported."), ct);
                applied.Add(row.MeasureId);
                if (row.DueDate != current[row.MeasureId].EffectiveDueDate)
                {
                    // A moved deadline moves the ladder, as an approved extension does.
                    await escalations.EnsureAsync(ItemRef.Measure(row.MeasureId), ct);
                }
            }
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or IllegalTransitionException)
        {
            // Everything checkable was checked up front; only a change racing this import gets here.
            return Problems.Conflict("数据正被他人修改，请重新导出后再导入", ex.Message, "concurrency-conflict",
                new Dictionary<string, object?> { ["applied"] = applied });
        }

        var logger = loggers.CreateLogger(typeof(LedgerXlsxEndpoints));
        LogImported(logger, planId, applied.Count, read.Rows.Count);
        return TypedResults.Ok(new { planId, rows = read.Rows.Count, changed = applied.Count, unchanged = read.Rows.Count - applied.Count, measureIds = applied });
    }

    private static IResult Rejected(IEnumerable<KeyValuePair<string, string[]>> errors) => XlsxUpload.Rejected(errors, "台账文件", "未写入任何修改");

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger import of plan {PlanId}: {Changed} of {Rows} rows changed")]
    private static partial void LogImported(ILogger logger, string planId, int changed, int rows);
}
