using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RectifyFlows.Api.Routing;

/// <summary>Maps the route table onto ASP.NET Core routing (the standalone host): one endpoint per entry, with its policy.</summary>
public static class HostRouteMapping
{
    public static IEndpointRouteBuilder MapApiRoutes(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var route in ApiRoutes.All.Where(r => !r.ServedByHostMiddleware))
        {
            // A route handler (Delegate), not a RequestDelegate: its IResult is executed as the response.
            Delegate handler = (HttpContext context) => route.Handle(new ApiRequest(context));
            var endpoint = app.MapMethods(route.Pattern, [route.Method], handler)
                .WithName(route.Name)
                .WithTags(route.Tag);
            if (route.Policy is null)
            {
                endpoint.AllowAnonymous();
            }
            else
            {
                endpoint.RequireAuthorization(route.Policy);
            }

            if (route.Body is not null)
            {
                endpoint.Accepts(route.Body, "application/json");
            }
        }

        return app;
    }
}
