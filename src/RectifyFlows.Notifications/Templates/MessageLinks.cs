using Microsoft.Extensions.Options;

namespace RectifyFlows.Notifications.Templates;

/// <summary>
/// The links messages carry to where the recipient acts: an API route under <see cref="MessageLinkOptions.PublicBaseUrl"/>,
/// or the route alone when no public address is configured. The one place that knows those routes' shapes.
/// </summary>
public sealed class MessageLinks(IOptions<MessageLinkOptions> options)
{
    /// <summary>A measure with its history: <c>/api/measures/{measureId}</c>.</summary>
    public string Measure(string measureId) => To($"/api/measures/{measureId}");

    /// <summary>A unit's accountability actions: <c>/api/actions?unitId={unitId}</c>.</summary>
    public string UnitActions(string? unitId) => To($"/api/actions?unitId={unitId}");

    /// <summary>An office's report of a period: <c>/api/reports/{kind}/{period}?office={officeId}</c>.</summary>
    public string Report(string kind, string period, string officeId) => To($"/api/reports/{kind}/{period}?office={officeId}");

    private string To(string route) =>
        options.Value.PublicBaseUrl is { } root ? root.AbsoluteUri.TrimEnd('/') + route : route;
}
