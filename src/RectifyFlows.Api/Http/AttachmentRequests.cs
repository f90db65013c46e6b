using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Http;

/// <summary>An attachment as a request names it: a file by name and absolute http(s) address.</summary>
public sealed record AttachmentRequest(string? Name, string? Url);

/// <summary>
/// The attachments of a request body (a measure's evidence, an action's completion), checked the same way
/// everywhere: at most <see cref="Max"/>, each an object with a name and an absolute http(s) URL, errors named by
/// their path (<c>attachments[2].url</c>).
/// </summary>
public static class AttachmentRequests
{
    public const int Max = 20;

    public static IReadOnlyList<Attachment> Read(ValidationErrors errors, IReadOnlyList<AttachmentRequest?>? items)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var attachments = new List<Attachment>();
        if (items is { Count: > Max })
        {
            errors.Add("attachments", $"at most {Max} attachments.");
            return attachments;
        }

        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = $"attachments[{i}]";
            if (items![i] is not { } item)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var nameOk = errors.Text($"{path}.name", item.Name, 200);
            var urlOk = errors.Required($"{path}.url", item.Url);
            if (urlOk && (!Uri.TryCreate(item.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || item.Url!.Length > 2000))
            {
                errors.Add($"{path}.url", "must be an absolute http(s) URL of at most 2000 characters.");
                urlOk = false;
            }

            if (nameOk && urlOk)
            {
                attachments.Add(new Attachment(item.Name!.Trim(), item.Url!));
            }
        }

        return attachments;
    }
}
