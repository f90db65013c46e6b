using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace RectifyFlows.Functions.Durable;

/// <summary>Runs a shared activity class for its <c>[ActivityTrigger]</c> wrapper: the class from DI, a real activity context.</summary>
internal static class TaskActivityRunner
{
    /// <summary>
    /// Creates <typeparamref name="TActivity"/> with its constructor dependencies from the invocation's services (the
    /// activity classes are not registered; <paramref name="arguments"/> supply what DI cannot, such as an
    /// <c>EscalationStarter</c> over the bound durable client) and runs it. The type parameters pin the wrapper's input
    /// and output to the activity's, so a wrapper that drifts from its class does not compile.
    /// </summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(
        FunctionContext function, string instanceId, TInput input, params object[] arguments)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices, arguments);
        return activity.RunAsync(new FunctionsActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
