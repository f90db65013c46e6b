using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Functions;
using RectifyFlows.Storage;
using RectifyFlows.Workflows;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddRectifyFlowsStorage();
builder.AddRectifyFlowsWorkflows();
builder.AddRectifyFlowsFunctions();
await builder.Build().RunAsync();
