using RectifyFlows.Host;
using RectifyFlows.Host.Verbs;

// `RectifyFlows.Host <verb> ...` runs a command (import, generate, reindex, keys) and exits; no verb serves the app.
if (HostVerbs.IsVerb(args))
{
    return await HostVerbs.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddRectifyFlowsHost();
var app = builder.Build();
app.UseRectifyFlowsHost();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory-style tests.</summary>
public partial class Program;
