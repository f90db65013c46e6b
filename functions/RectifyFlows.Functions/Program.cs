using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RectifyFlows.Functions;

// The whole composition is FunctionsComposition.ComposeRectifyFlowsFunctions, so the test harness
// (tests/RectifyFlows.Functions.Tests/Harness) builds exactly what runs on Azure.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ComposeRectifyFlowsFunctions();
await builder.Build().RunAsync();
