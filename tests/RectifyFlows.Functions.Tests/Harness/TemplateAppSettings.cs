using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The Function App's app settings as <c>azd provision</c> would write them: infra/main.bicep built with the Bicep CLI
/// (the NuGet package the Infra tests use), the Function App module's settings evaluated with <see cref="ArmExpression"/>
/// against a pretend deployment (<see cref="DeployedResources"/>). Values stay as Azure stores them: a secret is the
/// literal <c>@Microsoft.KeyVault(...)</c> reference, which <see cref="FakeKeyVault"/> resolves later, as App Service does.
/// </summary>
internal static class TemplateAppSettings
{
    private static readonly Lazy<Task<JsonObject>> Compiled = new(BuildMainAsync);

    /// <summary>The compiled main template (built once per test run).</summary>
    public static Task<JsonObject> CompiledMainAsync(CancellationToken cancellationToken) => Compiled.Value.WaitAsync(cancellationToken);

    /// <summary>Name → value of every app setting the template gives the Function App.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(DeployedResources deployed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        var main = await CompiledMainAsync(cancellationToken);
        var module = FunctionAppModule(main);
        var environment = new ModuleEnvironment(main, module, deployed);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var resource in Resources(module))
        {
            var type = resource["type"]!.GetValue<string>();
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            // Either siteConfig.appSettings on the site (a name/value list) or a sites/config 'appsettings' resource (an object).
            if (type.Equals("Microsoft.Web/sites", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["siteConfig"]?["appSettings"] is { } list)
            {
                var evaluated = ArmExpression.EvaluateValue(list, environment);
                foreach (var setting in evaluated switch { JsonArray a => a, _ => throw new InvalidOperationException("appSettings is not a list.") })
                {
                    settings[setting!["name"]!.GetValue<string>()] = Text(setting["value"]);
                }
            }
            else if (type.Equals("Microsoft.Web/sites/config", StringComparison.OrdinalIgnoreCase)
                && Text(ArmExpression.EvaluateValue(resource["name"], environment)).EndsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                var evaluated = ArmExpression.EvaluateValue(resource["properties"], environment) as JsonObject
                    ?? throw new InvalidOperationException("The appsettings resource's properties are not an object.");
                foreach (var (name, value) in evaluated)
                {
                    settings[name] = Text(value);
                }
            }
        }

        if (settings.Count == 0)
        {
            throw new InvalidOperationException("The compiled template gives the Function App no app settings.");
        }

        return settings;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>The nested template of main.bicep's <c>functionApp</c> module.</summary>
    private static JsonObject FunctionAppModule(JsonObject main)
    {
        var modules = Resources(main).Where(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments").ToList();
        var functionApp = modules.SingleOrDefault(m => m["symbol"]?.GetValue<string>() == "functionApp")
            ?? throw new InvalidOperationException("main.bicep has no 'functionApp' module.");
        return functionApp["properties"]!["template"]!.AsObject();
    }

    /// <summary>A template's resources with their symbolic names (languageVersion 2.0 keeps them in an object).</summary>
    internal static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject byName => byName.Select(p =>
        {
            var resource = p.Value!.AsObject();
            resource["symbol"] = p.Key;
            return resource;
        }),
        JsonArray list => list.Select(r => r!.AsObject()),
        _ => [],
    };

    private static async Task<JsonObject> BuildMainAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = Path.Combine(Path.GetTempPath(), $"rectifyflows-harness-main-{Guid.NewGuid():N}.json");
        try
        {
            var bicep = BicepExecutable();
            var start = new ProcessStartInfo(bicep)
            {
                WorkingDirectory = Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "infra"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "build", "main.bicep", "--outfile", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bicep}.");
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build infra/main.bicep failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
            }

            return JsonNode.Parse(await File.ReadAllTextAsync(output, timeout.Token))!.AsObject();
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The bicep binary of the Azure.Bicep.CommandLine.linux-x64 package (path baked in at build, see the csproj).</summary>
    private static string BicepExecutable()
    {
        var path = typeof(TemplateAppSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value
            ?? throw new InvalidOperationException("The test assembly has no BicepPath metadata (see the csproj).");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet's extraction does not always keep the executable bit.
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & executable) != executable)
            {
                File.SetUnixFileMode(path, mode | executable);
            }
        }

        return path;
    }

    /// <summary>The Function App module's scope: its parameters from <see cref="DeployedResources"/>, Azure's answers faked.</summary>
    private sealed class ModuleEnvironment(JsonObject main, JsonObject module, DeployedResources deployed) : IArmEnvironment
    {
        public JsonNode? Parameter(string name)
        {
            if (deployed.Parameters.TryGetValue(name, out var value))
            {
                return JsonValue.Create(value);
            }

            // The module's own default, else main.bicep's default for the parameter it passes through under the same name.
            return module["parameters"]?[name]?["defaultValue"]?.DeepClone()
                ?? main["parameters"]?[name]?["defaultValue"]?.DeepClone()
                ?? throw new InvalidOperationException($"The harness has no value for the Function App module's parameter '{name}'.");
        }

        public JsonNode? Variable(string name) =>
            ArmExpression.EvaluateValue(module["variables"]?[name] ?? throw new InvalidOperationException($"No variable '{name}'."), this);

        public string ResourceId(IReadOnlyList<string> parts) =>
            $"/subscriptions/harness/resourceGroups/rg-harness/providers/{parts[0]}/{string.Join('/', parts.Skip(1))}";

        public JsonNode? Reference(string resourceId)
        {
            if (!resourceId.StartsWith('/'))
            {
                // A symbolic reference (languageVersion 2.0): the resource declared under that name in the module.
                var resource = Resources(module).SingleOrDefault(r => r["symbol"]?.GetValue<string>() == resourceId)
                    ?? throw new InvalidOperationException($"No resource '{resourceId}' in the Function App module.");
                var name = ArmExpression.EvaluateValue(resource["name"], this)!.GetValue<string>();
                resourceId = ResourceId([resource["type"]!.GetValue<string>(), name]);
            }

            return deployed.Reference(resourceId);
        }

        public JsonNode? List(string function, string resourceId) => deployed.List(function, resourceId);
    }
}
