using Microsoft.AspNetCore.Http;

namespace RectifyFlows.Functions.Api;

/// <summary>
/// RFC 9457 problem details, as the standalone host answers them (Chinese titles, stable English <c>type</c> slugs).
/// </summary>
/// <remarks>
/// TO MOVE: the members the Functions endpoints need, copied from <c>src/RectifyFlows.Host/Api/Problems.cs</c> until
/// that class moves to a shared project both hosts reference; then delete this file.
/// </remarks>
internal static class Problems
{
    public const string TypeBase = "https://rectifyflows.dev/problems/";

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "One or more fields are invalid.", title: "请求内容有误", type: TypeBase + "validation");

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: $"{what} '{id}' does not exist.",
            type: TypeBase + "not-found");
}
