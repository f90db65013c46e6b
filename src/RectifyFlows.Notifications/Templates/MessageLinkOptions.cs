using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Notifications.Templates;

/// <summary>Where recipients open the API, bound from <c>RectifyFlows:Links</c>; the links messages carry start here.</summary>
public sealed class MessageLinkOptions : IValidatableObject
{
    public const string SectionName = "RectifyFlows:Links";

    /// <summary>
    /// The public address of the API (<c>https://rectify.example.gov.cn/</c>, a path below it allowed). Unset: messages
    /// carry the route alone (<c>/api/measures/p1-m1</c>), as before there was a setting.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("must be an absolute http(s) address, e.g. https://rectify.example.gov.cn/.", [nameof(PublicBaseUrl)]);
        }
    }
}
