using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// The Functions app declares exactly the shared route table: one HTTP trigger per entry, with the entry's route,
/// method, Anonymous level (keys and signatures are checked by the shared code) and durable binding, and no HTTP
/// trigger outside the table. Checked both on the built <c>functions.metadata</c> (what the Functions host indexes)
/// and on the trigger methods themselves (what they pass to the table's handler).
/// </summary>
[TestClass]
public sealed class RouteTableTests
{
    private static IReadOnlyList<MethodInfo> HttpTriggerMethods => [.. typeof(FunctionsComposition).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))];

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasOneHttpTrigger_ForEveryRouteOfTheTable_AsTheTableDeclaresIt()
    {
        var metadata = FunctionsMetadata.Load();
        Assert.IsGreaterThanOrEqualTo(35, ApiRoutes.All.Count, "the table lost its routes");
        foreach (var route in ApiRoutes.All)
        {
            var trigger = metadata.Single(route.Name).Trigger;
            Assert.AreEqual("httpTrigger", trigger.Type, route.Name);
            Assert.AreEqual(route.FunctionsRoute, trigger.Route, route.Name);
            CollectionAssert.AreEqual(new[] { route.Method.ToLowerInvariant() }, trigger.Methods.ToArray(), route.Name);
            Assert.AreEqual("Anonymous", trigger.AuthLevel, $"{route.Name}: keys and signatures are checked by the shared code, as on the standalone host.");
            Assert.AreEqual(route.Durable, metadata.Single(route.Name).Binds("durableClient"),
                $"{route.Name}: a route that drives orchestrations needs the [DurableClient] binding, and only such a route binds it.");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasNoHttpTrigger_OutsideTheTable()
    {
        var inTable = ApiRoutes.All.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var outside = FunctionsMetadata.Load().Functions.Where(f => f.Trigger.Type == "httpTrigger" && !inTable.Contains(f.Name)).Select(f => f.Name).ToList();

        Assert.IsEmpty(outside, "HTTP triggers not in the shared route table: " + string.Join(", ", outside));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void TriggerMethods_PassTheRouteParameters_OfTheirTableEntry()
    {
        Assert.HasCount(ApiRoutes.All.Count, HttpTriggerMethods);
        foreach (var method in HttpTriggerMethods)
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var route = ApiRoutes.Named(name);
            var routeParameters = method.GetParameters()
                .Where(p => p.ParameterType == typeof(string))
                .Select(p => p.Name!)
                .ToList();
            CollectionAssert.AreEqual(route.Parameters.ToList(), routeParameters, $"{name}: the trigger's route parameters");
            Assert.AreEqual(route.Durable, method.GetParameters().Any(p => p.ParameterType == typeof(DurableTaskClient)), name);
            Assert.AreEqual(typeof(Task<IResult>), method.ReturnType, $"{name} answers with the shared handler's IResult");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void RouteTable_FunctionsRoutes_NeverShadowEachOther()
    {
        // The Functions host tries routes in registration order, not by precedence as ASP.NET Core does: two routes that
        // could both match one path and method would make the answer depend on that order.
        var routes = ApiRoutes.All;
        foreach (var a in routes)
        {
            foreach (var b in routes.Where(b => !ReferenceEquals(a, b) && b.Method == a.Method))
            {
                Assert.IsFalse(CouldOverlap(a.FunctionsRoute, b.FunctionsRoute), $"{a.Name} ({a.FunctionsRoute}) and {b.Name} ({b.FunctionsRoute})");
            }
        }
    }

    /// <summary>Segment by segment: two literals must differ somewhere, or a dot-demanding parameter meet a dot-less literal.</summary>
    private static bool CouldOverlap(string a, string b)
    {
        var x = a.Split('/');
        var y = b.Split('/');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var left = i < x.Length ? x[i] : null;
            var right = i < y.Length ? y[i] : null;
            if (left is null || right is null)
            {
                return IsCatchAll(left ?? right);
            }

            if (IsCatchAll(left) || IsCatchAll(right))
            {
                return true;
            }

            // A parameter whose constraint demands a dot cannot match a dot-less literal segment.
            if (NeedsDot(left) && IsDotlessLiteral(right) || NeedsDot(right) && IsDotlessLiteral(left))
            {
                return false;
            }

            if (!left.StartsWith('{') && !right.StartsWith('{') && !string.Equals(left, right, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCatchAll(string? segment) => segment is not null && segment.StartsWith("{*", StringComparison.Ordinal);

    private static bool NeedsDot(string segment) => segment.StartsWith('{') && segment.Contains(":regex([.])", StringComparison.Ordinal);

    private static bool IsDotlessLiteral(string segment) => !segment.StartsWith('{') && !segment.Contains('.', StringComparison.Ordinal);
}
