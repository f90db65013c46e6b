using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace RectifyFlows.Functions.Durable;

/// <summary>
/// Builds a shared service that needs a <see cref="DurableTaskClient"/> (<c>CycleStarter</c>, <c>EscalationStarter</c>,
/// <c>InspectionIntake</c>) over the client bound to this invocation, with every other dependency from DI.
/// </summary>
/// <remarks>
/// In Functions the client exists only as a <c>[DurableClient]</c> binding: the host sends its gRPC address with each
/// invocation, and the extension (1.21.1) registers no <see cref="DurableTaskClient"/> in DI (its
/// <c>FunctionsDurableClientProvider</c> and <c>FunctionsDurableTaskClient</c> are internal). Bound clients are cached
/// by the extension per address and task hub, so building a starter per invocation is cheap.
/// </remarks>
internal static class BoundClient
{
    public static T Create<T>(FunctionContext function, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(client);
        return ActivatorUtilities.CreateInstance<T>(function.InstanceServices, client);
    }
}
