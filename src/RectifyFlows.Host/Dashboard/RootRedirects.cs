using RectifyFlows.Api.Dashboard;

namespace RectifyFlows.Host.Dashboard;

/// <summary>
/// Host-only: the site root opens the dashboard and <c>/public</c> the disclosure page. The Functions app has no such
/// paths (its HTTP routes all live under <c>/api</c>); there the pages are at <c>/api/dashboard/</c>.
/// </summary>
public static class RootRedirects
{
    public static WebApplication UseRootRedirects(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Plain redirects in middleware, not endpoints: an endpoint for "/" would take part in routing for every path.
        app.Use((context, next) =>
        {
            var target = context.Request.Path.Value switch
            {
                "/" => DashboardEndpoints.Path + "/",
                "/public" => DashboardEndpoints.Path + "/public.html",
                _ => null,
            };
            if (target is not null && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(target);
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }
}
