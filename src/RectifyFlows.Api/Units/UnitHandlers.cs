using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Units;

/// <summary>Units with their contacts and members: read, and replace the contacts (operator), shared by both hosts.</summary>
public sealed class UnitHandlers(UnitRepository units)
{
    /// <summary><c>GET /api/units/{unitId}</c>.</summary>
    public async Task<IResult> GetAsync(string unitId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Identifiers.IsValid(unitId))
        {
            return Problems.NotFound("Unit", unitId);
        }

        var details = await units.GetAsync(unitId, context.RequestAborted);
        return details is null ? Problems.NotFound("Unit", unitId) : TypedResults.Ok(details);
    }

    /// <summary>More contacts than this per unit is a mistake in the caller, not an office.</summary>
    public const int MaxContacts = 50;

    /// <summary><c>PUT /api/units/{unitId}</c> <c>{contacts:[…]}</c>: replaces the contacts; audited with the principal.</summary>
    public async Task<IResult> PutAsync(string unitId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (body, problem) = await JsonBody.ReadAsync<UnitUpdateRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body!.Contacts is null)
        {
            errors.Add("contacts", "is required (an array, possibly empty).");
        }
        else if (body.Contacts.Count > MaxContacts)
        {
            errors.Add("contacts", $"at most {MaxContacts} contacts.");
        }

        var contacts = errors.HasErrors ? [] : PlanReader.ReadContactList(errors, "contacts", body.Contacts);
        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!Identifiers.IsValid(unitId))
        {
            return Problems.NotFound("Unit", unitId);
        }

        try
        {
            var unit = await units.ReplaceContactsAsync(unitId, contacts, context.User.PrincipalId(), context.RequestAborted);
            return unit is null ? Problems.NotFound("Unit", unitId) : TypedResults.Ok(unit);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Conflict("数据正被他人修改，请重试", ex.Message, "concurrency-conflict");
        }
    }
}
