using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Host.Startup;

/// <summary>After start-up, in the background: the shared <see cref="EscalationCatchUp"/> (the Functions app runs it on a timer).</summary>
public sealed class EscalationCatchUpOnStart(EscalationCatchUp catchUp) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => catchUp.RunAsync(stoppingToken);
}
