using Microsoft.DurableTask;

namespace RectifyFlows.Functions.Durable;

/// <summary>The activity context a Functions wrapper hands to a shared activity class: its task name and orchestration id.</summary>
/// <remarks>
/// No shared activity reads its context today (<c>grep "context\." src/RectifyFlows.Workflows/**/*Activity.cs</c> finds
/// nothing), but a real context costs nothing and keeps an activity that starts logging the instance id from getting a
/// null. It is the same shape the Durable source generator emits for class-based activities.
/// </remarks>
internal sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
