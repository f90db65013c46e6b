using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Api.OpenApi;

/// <summary>
/// <c>GET /openapi/v1.json</c> (<c>/api/openapi/v1.json</c> on Functions), no key: the OpenAPI 3.1 document written
/// from the route table itself, so it describes exactly the routes both hosts serve, with their key scheme.
/// </summary>
public static partial class OpenApiEndpoints
{
    public const string SchemeName = "ApiKey";

    public static IEnumerable<ApiRoute> Routes =>
    [
        new("OpenApiDocument", "GET", "/openapi/v1.json", null, "OpenAPI", _ => Task.FromResult<IResult>(TypedResults.Text(Document.Value, "application/json; charset=utf-8"))),
    ];

    private static readonly Lazy<string> Document = new(() => Write(ApiRoutes.All).ToJsonString());

    public static JsonObject Write(IEnumerable<ApiRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var paths = new JsonObject();
        foreach (var route in routes.Where(r => !r.ServedByHostMiddleware))
        {
            var path = ConstraintPattern().Replace(route.Pattern, "}");
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            item[route.Method.ToLowerInvariant()] = Operation(route);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "RectifyFlows API",
                ["version"] = "v1",
                ["description"] = "巡察整改落实：整改台账、督查周期、问责与通知。Every route needs an X-Api-Key except /healthz, the dashboard's pages, "
                    + $"the public disclosure data and the webhooks, which are signed with {WebhookSignature.HeaderName}: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>. "
                    + "On the Azure Functions app every path lives under /api: /api/... as listed, /healthz as /api/healthz, /dashboard/ as /api/dashboard/.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [SchemeName] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = ApiKeyAuthenticator.HeaderName,
                        ["description"] = "A key with a role (operator, unit, team, leader); unit keys are scoped to their unit.",
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { [SchemeName] = new JsonArray() }),
        };
    }

    private static JsonObject Operation(ApiRoute route)
    {
        var parameters = new JsonArray();
        foreach (var name in route.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var name in route.Query)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["tags"] = new JsonArray(route.Tag),
            ["responses"] = Responses(route),
        };
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (route.Body is not null)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(route.Body, 0) } },
            };
        }

        if (route.IsAnonymous)
        {
            // Overrides the document's key requirement: health, pages, public data and signed webhooks take no key.
            operation["security"] = new JsonArray();
        }

        return operation;
    }

    private static JsonObject Responses(ApiRoute route)
    {
        var responses = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } };
        if (route.Policy is not null)
        {
            responses["401"] = new JsonObject { ["description"] = "No valid X-Api-Key (problem details)" };
            responses["403"] = new JsonObject { ["description"] = "The key's role may not use this route (problem details)" };
        }

        responses["429"] = new JsonObject { ["description"] = "Rate limit reached; see Retry-After (problem details)" };
        return responses;
    }

    /// <summary>A body type's JSON shape by reflection: enough for a reader and for Scalar's request editor.</summary>
    private static JsonObject Schema(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum)
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            return new JsonObject { ["type"] = "array", ["items"] = Schema(element, depth + 1) };
        }

        var schema = new JsonObject { ["type"] = "object" };
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (type == typeof(object) || depth > 4 || properties.Length == 0)
        {
            return schema;
        }

        var shape = new JsonObject();
        foreach (var property in properties)
        {
            shape[Http.JsonNames.Camel(property.Name)] = Schema(property.PropertyType, depth + 1);
        }

        schema["properties"] = shape;
        return schema;
    }

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex ConstraintPattern();
}
