using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RectifyFlows.Api.Http;

/// <summary>
/// RFC 9457 problem details the API answers with. Titles are Chinese (they are shown to users); <c>type</c> is a
/// stable English slug that clients can switch on; <c>errors</c> names every invalid field.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://rectifyflows.dev/problems/";

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "One or more fields are invalid.", title: "请求内容有误", type: TypeBase + "validation");

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: $"{what} '{id}' does not exist.",
            type: TypeBase + "not-found");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问其他单位的数据", detail: detail,
            type: TypeBase + "forbidden");

    public static IResult Conflict(string title, string detail, string slug, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, type: TypeBase + slug,
            extensions: extensions);

    /// <summary>Any other status, with a Chinese title and a stable slug.</summary>
    public static IResult Status(int status, string title, string detail, string slug) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeBase + slug });

    /// <summary>Writes a problem outside an endpoint (authentication, middleware).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail, string slug)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Status(status, title, detail, slug).ExecuteAsync(context);
    }
}
