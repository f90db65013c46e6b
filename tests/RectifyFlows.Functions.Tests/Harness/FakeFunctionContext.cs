using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The <see cref="FunctionContext"/> a trigger method gets: the invocation's scoped services (as the worker's
/// <c>InstanceServices</c>), the function's name and id, the binding data, the cancellation token. No gRPC host behind it.
/// </summary>
internal sealed class FakeFunctionContext : FunctionContext
{
    public FakeFunctionContext(FunctionMethod function, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        InstanceServices = services;
        FunctionDefinition = new Definition(function);
        BindingContext = new Bindings(bindingData);
        CancellationToken = cancellationToken;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new Trace();

    public override BindingContext BindingContext { get; }

    public override Microsoft.Azure.Functions.Worker.RetryContext RetryContext { get; } = new Retry();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new Invocation();

    public override CancellationToken CancellationToken { get; }

    private sealed class Definition(FunctionMethod function) : FunctionDefinition
    {
        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";

        public override string Id { get; } = $"harness-{function.Name}";

        public override string Name => function.Name;

        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Bindings(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class Trace : TraceContext
    {
        public override string TraceParent => string.Empty;

        public override string TraceState => string.Empty;
    }

    private sealed class Retry : Microsoft.Azure.Functions.Worker.RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class Invocation : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

        public void Set<T>(T instance) => _features[typeof(T)] = instance!;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>One <c>[Function]</c> method of the Functions app and its trigger attribute.</summary>
internal sealed record FunctionMethod(string Name, MethodInfo Method, Attribute Trigger, ParameterInfo TriggerParameter)
{
    /// <summary>Every [Function] method of the Functions app's assembly.</summary>
    public static IReadOnlyList<FunctionMethod> All { get; } = Discover();

    private static List<FunctionMethod> Discover()
    {
        var functions = new List<FunctionMethod>();
        foreach (var type in typeof(FunctionsComposition).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var trigger = method.GetParameters()
                    .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))))
                    .Single(p => p.Attribute is not null);
                functions.Add(new FunctionMethod(function.Name, method, trigger.Attribute!, trigger.Parameter));
            }
        }

        return functions;
    }
}
