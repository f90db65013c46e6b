using System.Text.Json;
using Azure.Data.Tables;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>Units and the people in them. One partition per unit; a listing per district.</summary>
public sealed class UnitRepository(LedgerTables tables, UnitDirectory directory, TimeProvider time)
{
    public const string AuditKind = "unit";

    /// <summary>
    /// A unit's profile (name, kind, parent, contacts) without its members: one point read. Addressing a message or
    /// printing a name needs no more, and a cycle does that for every recipient (issue 13: half its unit reads).
    /// </summary>
    public async Task<Unit?> GetProfileAsync(string unitId, CancellationToken cancellationToken)
    {
        var profile = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(unitId, UnitEntity.ProfileRow, cancellationToken: cancellationToken);
        return profile.HasValue ? profile.Value!.ToUnit() : null;
    }

    /// <summary>A unit with its members (cadres, officials, teams): a point read and one partition query.</summary>
    public async Task<UnitDetails?> GetAsync(string unitId, CancellationToken cancellationToken)
    {
        var profile = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(
            unitId, UnitEntity.ProfileRow, cancellationToken: cancellationToken);
        if (!profile.HasValue)
        {
            return null;
        }

        var cadres = new List<Cadre>();
        var officials = new List<Official>();
        var teams = new List<SupervisionTeam>();
        await foreach (var member in tables.Units.QueryAsync<UnitMemberEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {unitId} and RowKey ge {UnitMemberEntity.CadrePrefix} and RowKey lt {"team}"} and RowKey ne {UnitEntity.ProfileRow}"), cancellationToken: cancellationToken))
        {
            if (member.RowKey.StartsWith(UnitMemberEntity.CadrePrefix, StringComparison.Ordinal))
            {
                cadres.Add(new Cadre
                {
                    Id = member.MemberId, Name = member.Name ?? string.Empty, Role = Enum.Parse<CadreRole>(member.Role),
                    UnitId = unitId, Synthetic = member.Synthetic,
                });
            }
            else if (member.RowKey.StartsWith(UnitMemberEntity.OfficialPrefix, StringComparison.Ordinal))
            {
                officials.Add(new Official
                {
                    Id = member.MemberId, Name = member.Name, Role = member.Role, UnitId = unitId, Synthetic = member.Synthetic,
                    Contact = member.Contact is null ? null : JsonSerializer.Deserialize<Contact>(member.Contact),
                });
            }
            else if (member.RowKey.StartsWith(UnitMemberEntity.TeamPrefix, StringComparison.Ordinal))
            {
                teams.Add(new SupervisionTeam
                {
                    Id = member.MemberId, Name = member.Name ?? string.Empty, DistrictId = unitId, Synthetic = member.Synthetic,
                    Members = member.Members is null ? [] : JsonSerializer.Deserialize<string[]>(member.Members) ?? [],
                    Contact = member.Contact is null ? null : JsonSerializer.Deserialize<Contact>(member.Contact),
                });
            }
        }

        return new UnitDetails(profile.Value!.ToUnit(), cadres, officials, teams);
    }

    /// <summary>
    /// Replaces a unit's contacts (the unit PUT): an ETag-guarded profile write and its audit row in one transaction.
    /// The import fingerprint is kept, so re-importing an unchanged plan leaves edited contacts alone. Returns null for
    /// an unknown unit, the unit unchanged when the contacts are the same (nothing written).
    /// </summary>
    public async Task<Unit?> ReplaceContactsAsync(string unitId, IReadOnlyList<Contact> contacts, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var profile = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(unitId, UnitEntity.ProfileRow, cancellationToken: cancellationToken);
        if (!profile.HasValue)
        {
            return null;
        }

        var entity = profile.Value!;
        var before = entity.Contacts;
        var after = JsonSerializer.Serialize(contacts);
        if (before == after)
        {
            return entity.ToUnit();
        }

        var now = time.GetUtcNow();
        entity.Contacts = after;
        var audit = new AuditEvent
        {
            EntityKind = AuditKind,
            EntityId = unitId,
            Action = "contacts.replaced",
            Actor = actor,
            At = now,
            Changes = new Dictionary<string, string?[]> { ["contacts"] = [before, after] },
        };
        try
        {
            await tables.Units.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
                new(TableTransactionActionType.Add, AuditEntity.From(audit, unitId, LedgerKeys.Audit(AuditKind, unitId, now, 0, 0))),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (TableBatches.IsConcurrencyConflict(ex))
        {
            throw new ConcurrencyConflictException($"Unit '{unitId}' changed while its contacts were being replaced; read it again and retry.");
        }

        return entity.ToUnit();
    }

    /// <summary>Whether a unit exists: one point read of its profile row, without its members (the intake's hot path).</summary>
    public async Task<bool> ExistsAsync(string unitId, CancellationToken cancellationToken)
    {
        var profile = await tables.Units.GetEntityIfExistsAsync<TableEntity>(
            unitId, UnitEntity.ProfileRow, select: ["PartitionKey"], cancellationToken: cancellationToken);
        return profile.HasValue;
    }

    /// <summary>
    /// The units one issuing office's plans declare or reference (its cycles' scope): one partition. For a district
    /// office this is the district's listing (<see cref="ListByDistrictAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<UnitsByDistrictEntity>> ListByOfficeAsync(string officeId, CancellationToken cancellationToken) =>
        ListByDistrictAsync(officeId, cancellationToken);

    /// <summary>The units of a district (the listing of the office whose id is the district's): one partition.</summary>
    public async Task<IReadOnlyList<UnitsByDistrictEntity>> ListByDistrictAsync(string districtId, CancellationToken cancellationToken)
    {
        var units = new List<UnitsByDistrictEntity>();
        await foreach (var row in tables.UnitsByDistrict.QueryAsync<UnitsByDistrictEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {districtId}"), cancellationToken: cancellationToken))
        {
            units.Add(row);
        }

        return units;
    }

    /// <summary>
    /// Writes the plan's units and their members. A unit belongs to the plan that first declares it (its owner): an
    /// import of another plan that declares or references the same unit never overwrites its record or contacts, it
    /// only adds its own members and lists the unit under its own office. A unit listed with <c>reference: true</c> that
    /// does not exist yet is stored as an unowned placeholder that its owner's import later fills in. A unit whose
    /// partition already holds exactly this content (same fingerprint) is left alone; otherwise its rows and an audit
    /// row commit in one transaction. Returns what was written and which declared units were kept as another plan's.
    /// </summary>
    public async Task<UnitImportResult> ImportAsync(Plan plan, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cadresByUnit = plan.Cadres.ToLookup(c => c.UnitId, StringComparer.Ordinal);
        var officialsByUnit = plan.Officials.ToLookup(o => o.UnitId, StringComparer.Ordinal);
        var written = 0;
        var kept = new System.Collections.Concurrent.ConcurrentBag<string>();
        var owned = new System.Collections.Concurrent.ConcurrentBag<Unit>();
        var now = time.GetUtcNow();

        // The office's listing carries each unit's import fingerprint (issue 13): one query tells which units hold exactly
        // this content, instead of a read per unit. Only content this import wrote or found on the profile is vouched for.
        var listed = await ListedFingerprintsAsync(plan.OfficeId, cancellationToken);
        var verified = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        await Parallel.ForEachAsync(plan.Units, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (unit, ct) =>
            {
                var members = cadresByUnit[unit.Id].Select(CadreRow)
                    .Concat(officialsByUnit[unit.Id].Select(OfficialRow))
                    .Concat(unit.Id == plan.OfficeId ? plan.SupervisionTeams.Select(TeamRow) : [])
                    .Select(row => { row.PartitionKey = unit.Id; return row; })
                    .ToList();
                var reference = plan.ReferencedUnitIds.Contains(unit.Id);
                var owner = reference ? string.Empty : plan.Id;
                var fingerprint = Fingerprints.Of(new { unit, owner, members = members.Select(m => new { m.RowKey, m.Name, m.Role, m.Synthetic, m.Contact, m.Members }) });
                if (listed.TryGetValue(unit.Id, out var listedFingerprint) && listedFingerprint == fingerprint)
                {
                    verified[unit.Id] = fingerprint;
                    if (!reference)
                    {
                        owned.Add(unit);
                    }

                    return;
                }

                if (!listed.ContainsKey(unit.Id) && await TryCreateAsync(plan, unit, members, fingerprint, owner, reference, actor, now, ct))
                {
                    // New to this office and to the store: written without a read (an insert that fails if the profile exists).
                    verified[unit.Id] = fingerprint;
                    Interlocked.Increment(ref written);
                    directory.Written(unit.Id, unit.DistrictId);
                    owned.Add(unit);
                    return;
                }

                var existing = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(unit.Id, UnitEntity.ProfileRow, cancellationToken: ct);
                if (existing.HasValue && existing.Value!.Fingerprint == fingerprint)
                {
                    verified[unit.Id] = fingerprint;
                    if (!reference)
                    {
                        owned.Add(unit);
                    }

                    return;
                }

                var ownedElsewhere = existing.HasValue && existing.Value!.OwnerPlanId is { Length: > 0 } o && o != plan.Id;
                if (existing.HasValue && (reference || ownedElsewhere))
                {
                    // Another plan's unit (or one only referenced here): its record and contacts stay as they are.
                    if (!reference)
                    {
                        kept.Add(unit.Id);
                    }

                    if (members.Count > 0)
                    {
                        await TableBatches.SubmitAsync(tables.Units,
                            members.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, m)), ct, parallelism: 1);
                    }

                    return;
                }

                if (!reference)
                {
                    owned.Add(unit);
                }

                var before = existing.HasValue ? existing.Value!.ToUnit() : null;
                var audit = new AuditEvent
                {
                    EntityKind = AuditKind,
                    EntityId = unit.Id,
                    Action = before is null ? (reference ? "import.referenced" : "import.created") : "import.updated",
                    Actor = actor,
                    At = now,
                    Reason = $"方案 {plan.Id}",
                    Changes = before is null
                        ? new Dictionary<string, string?[]>()
                        : new Dictionary<string, string?[]> { ["unit"] = [JsonSerializer.Serialize(before), JsonSerializer.Serialize(unit)] },
                };
                var actions = new List<TableTransactionAction>
                {
                    new(TableTransactionActionType.UpsertReplace, UnitEntity.From(unit, fingerprint, owner)),
                    new(TableTransactionActionType.Add, AuditEntity.From(audit, unit.Id,
                        LedgerKeys.Audit(AuditKind, unit.Id, now, 0, 0))),
                };
                actions.AddRange(members.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, m)));
                await TableBatches.SubmitAsync(tables.Units, actions, ct, parallelism: 1);
                Interlocked.Increment(ref written);
                verified[unit.Id] = fingerprint;
                directory.Written(unit.Id, unit.DistrictId);
                if (reference)
                {
                    // A placeholder: listed under its parent too, so groups resolve before its owner is imported.
                    owned.Add(unit);
                }
            });

        // The office's listing holds every unit the plan uses (its cycles' scope); the children index only the units
        // whose records this plan wrote, so a referencing plan never renames another plan's unit there.
        // Both in one submission: the listing's and every parent's batches are different partitions, sent several at a time.
        var listing = plan.Units.Select(unit => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            ListingRow(plan.OfficeId, unit, verified.GetValueOrDefault(unit.Id))));
        var children = owned.Where(u => u.ParentId is not null).DistinctBy(u => u.Id, StringComparer.Ordinal)
            .Select(unit => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ListingRow(ChildrenPrefix + unit.ParentId, unit)));
        await TableBatches.SubmitAsync(tables.UnitsByDistrict, listing.Concat(children), cancellationToken);

        return new UnitImportResult(written, [.. kept.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The units whose parent is <paramref name="parentId"/> (a township's villages and offices): one partition.</summary>
    public async Task<IReadOnlyList<UnitsByDistrictEntity>> ListChildrenAsync(string parentId, CancellationToken cancellationToken) =>
        await ListByDistrictAsync(ChildrenPrefix + parentId, cancellationToken);

    private const string ChildrenPrefix = "children|";

    /// <summary>Each listed unit's import fingerprint (empty when the row vouches for none): one partition query.</summary>
    private async Task<Dictionary<string, string>> ListedFingerprintsAsync(string partition, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.UnitsByDistrict.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey", nameof(UnitsByDistrictEntity.Fingerprint)], cancellationToken: cancellationToken))
        {
            listed[row.RowKey] = row.GetString(nameof(UnitsByDistrictEntity.Fingerprint)) ?? string.Empty;
        }

        return listed;
    }

    /// <summary>
    /// A unit this office's listing does not know: its rows with an insert of the profile, so nothing is overwritten
    /// unread. False (nothing written) when the profile exists, e.g. another plan's unit or an interrupted import's.
    /// </summary>
    private async Task<bool> TryCreateAsync(Plan plan, Unit unit, List<UnitMemberEntity> members, string fingerprint, string owner, bool reference,
        string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audit = new AuditEvent
        {
            EntityKind = AuditKind, EntityId = unit.Id, Action = reference ? "import.referenced" : "import.created", Actor = actor, At = now,
            Reason = $"方案 {plan.Id}", Changes = new Dictionary<string, string?[]>(),
        };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, UnitEntity.From(unit, fingerprint, owner)),
            new(TableTransactionActionType.Add, AuditEntity.From(audit, unit.Id, LedgerKeys.Audit(AuditKind, unit.Id, now, 0, 0))),
        };
        actions.AddRange(members.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, m)));
        try
        {
            // In order, one transaction at a time: the first holds the profile insert, so a conflict stops before any member row.
            await TableBatches.SubmitAsync(tables.Units, actions, cancellationToken, parallelism: 1);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static UnitsByDistrictEntity ListingRow(string partition, Unit unit, string? fingerprint = null) => new()
    {
        PartitionKey = partition, RowKey = unit.Id, Name = unit.Name, Kind = unit.Kind.ToString(),
        ParentId = unit.ParentId, PoorVillage = unit.PoorVillage, GroupOf = unit.GroupOf?.ToString(), DistrictId = unit.DistrictId,
        Fingerprint = fingerprint,
    };

    private static UnitMemberEntity CadreRow(Cadre cadre) => new()
    {
        RowKey = UnitMemberEntity.CadrePrefix + cadre.Id, MemberId = cadre.Id, Name = cadre.Name,
        Role = cadre.Role.ToString(), Synthetic = cadre.Synthetic,
    };

    private static UnitMemberEntity OfficialRow(Official official) => new()
    {
        RowKey = UnitMemberEntity.OfficialPrefix + official.Id, MemberId = official.Id, Name = official.Name,
        Role = official.Role, Synthetic = official.Synthetic,
        Contact = official.Contact is null ? null : JsonSerializer.Serialize(official.Contact),
    };

    private static UnitMemberEntity TeamRow(SupervisionTeam team) => new()
    {
        RowKey = UnitMemberEntity.TeamPrefix + team.Id, MemberId = team.Id, Name = team.Name,
        Role = "supervisionTeam", Synthetic = team.Synthetic,
        Contact = team.Contact is null ? null : JsonSerializer.Serialize(team.Contact),
        Members = JsonSerializer.Serialize(team.Members),
    };
}
