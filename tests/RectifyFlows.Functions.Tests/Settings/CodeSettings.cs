using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace RectifyFlows.Functions.Tests.Settings;

/// <summary>A configuration key the code reads (colon form; a trailing <c>:*</c> stands for any key below it).</summary>
/// <param name="Key">The key, e.g. <c>RectifyFlows:Notifications:Smtp:Host</c> or <c>RectifyFlows:Auth:Keys:*</c>.</param>
/// <param name="Source">Where it is read: the file, and the options type when it comes from a bound section.</param>
/// <param name="HostOnly">Read only by the standalone host's own projects (Host, DevServices), never by the Functions app.</param>
/// <param name="Options">The options class the key belongs to, when it is read by binding a section.</param>
internal sealed record SettingRead(string Key, string Source, bool HostOnly, Type? Options = null);

/// <summary>
/// Every configuration key the code of src/ and functions/ reads, found without a hand list: a scan of the sources for
/// each way this code reads configuration — an options class bound to a section (<c>AddOptions&lt;T&gt;().BindConfiguration(…)</c>,
/// <c>GetSection(…).Get&lt;T&gt;()</c>, <c>GetSection(…).Bind(…)</c>), an indexer (<c>Configuration[…]</c>), <c>GetSection(…).Exists()</c>,
/// any other <c>GetSection(…)</c> read by hand (its value and everything below it),
/// a timer's <c>%Setting%</c> and <c>GetEnvironmentVariable(…)</c> — with section and key expressions evaluated from the
/// code's own constants, and each bound options class expanded into its keys by reflection (nested classes recursively,
/// collections and dictionaries as <c>:*</c>). An expression the scan cannot evaluate fails the scan, so a new way of
/// reading settings is noticed rather than skipped.
/// </summary>
internal static partial class CodeSettings
{
    /// <summary>The standalone host's own projects; everything else under src/ is shared with the Functions app.</summary>
    private static readonly string[] HostOnlyFolders = ["src/RectifyFlows.Host/", "src/RectifyFlows.DevServices/"];

    /// <summary>Every RectifyFlows assembly either host loads (where options types and constants are looked up).</summary>
    private static readonly Lazy<Type[]> ProductTypes = new(() =>
    [
        .. new[]
        {
            typeof(RectifyFlows.Functions.FunctionsComposition).Assembly,
            typeof(RectifyFlows.Host.HostComposition).Assembly,
            typeof(RectifyFlows.Api.Webhooks.WebhookOptions).Assembly,
            typeof(RectifyFlows.Domain.Webhooks.WebhookSecrets).Assembly,
            typeof(RectifyFlows.Storage.StorageOptions).Assembly,
            typeof(RectifyFlows.Notifications.Dispatch.NotificationOptions).Assembly,
            typeof(RectifyFlows.Workflows.WorkflowOptions).Assembly,
            typeof(RectifyFlows.Operations.OperationsOptions).Assembly,
            typeof(RectifyFlows.DevServices.DevServicesOptions).Assembly,
        }.Distinct().SelectMany(LoadableTypes),
    ]);

    /// <summary>Every read, from every source file of src/ and functions/.</summary>
    public static IReadOnlyList<SettingRead> Scan()
    {
        var root = FunctionsOutput.RepositoryRoot.FullName;
        var reads = new List<SettingRead>();
        foreach (var folder in new[] { "src", "functions" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                var hostOnly = HostOnlyFolders.Any(f => relative.StartsWith(f, StringComparison.Ordinal));
                reads.AddRange(ScanFile(relative, File.ReadAllText(file), hostOnly));
            }
        }

        return reads;
    }

    /// <summary>The keys one options class binds below <paramref name="section"/> (reflection over its properties).</summary>
    public static IEnumerable<string> KeysOf(Type options, string section) => Expand(options, section, depth: 0);

    private static IEnumerable<SettingRead> ScanFile(string file, string text, bool hostOnly)
    {
        // Comments may quote code ("GetSection(…).Bind(…)" in a summary): drop them before matching.
        text = LineComment().Replace(text, string.Empty);
        var constants = LocalConstant().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        string Evaluate(string expression) => EvaluateExpression(expression, constants, file);

        foreach (Match bind in BoundOptions().Matches(text))
        {
            var type = OptionsType(bind.Groups["type"].Value, file);
            var section = Evaluate(bind.Groups["section"].Value);
            foreach (var key in KeysOf(type, section))
            {
                yield return new SettingRead(key, $"{file} ({type.Name})", hostOnly, type);
            }
        }

        foreach (Match get in GetSectionAs().Matches(text))
        {
            var type = OptionsType(get.Groups["type"].Value, file);
            var section = Evaluate(get.Groups["section"].Value);
            foreach (var key in KeysOf(type, section))
            {
                yield return new SettingRead(key, $"{file} ({type.Name})", hostOnly, type);
            }
        }

        foreach (Match bind in GetSectionBind().Matches(text))
        {
            // Bound into a local instance: its type is the options class declared for that section (the SectionName match).
            var section = Evaluate(bind.Groups["section"].Value);
            var type = ProductTypes.Value.SingleOrDefault(t => SectionOf(t) == section)
                ?? throw new InvalidOperationException($"{file}: GetSection({section}).Bind(…) into a type with no SectionName constant equal to it.");
            foreach (var key in KeysOf(type, section))
            {
                yield return new SettingRead(key, $"{file} ({type.Name})", hostOnly, type);
            }
        }

        foreach (Match exists in GetSectionExists().Matches(text))
        {
            yield return new SettingRead(Evaluate(exists.Groups["section"].Value) + ":*", file, hostOnly);
        }

        foreach (Match section in GetSectionRead().Matches(text))
        {
            // A section read by hand (section.Value, section["key"]): its own value and anything below it.
            var path = Evaluate(section.Groups["section"].Value);
            yield return new SettingRead(path, file, hostOnly);
            yield return new SettingRead(path + ":*", file, hostOnly);
        }

        foreach (Match indexer in ConfigurationIndexer().Matches(text))
        {
            yield return new SettingRead(Evaluate(indexer.Groups["key"].Value), file, hostOnly);
        }

        foreach (Match variable in EnvironmentVariable().Matches(text))
        {
            yield return new SettingRead(Evaluate(variable.Groups["key"].Value), file, hostOnly);
        }

        foreach (Match timer in TimerTrigger().Matches(text))
        {
            // A schedule is either an NCRONTAB expression (no setting) or "%AppSetting%" resolved by the Functions host.
            var schedule = Evaluate(timer.Groups["schedule"].Value);
            foreach (Match setting in PercentSetting().Matches(schedule))
            {
                yield return new SettingRead(setting.Groups["name"].Value, file, hostOnly);
            }
        }
    }

    /// <summary>A string expression of the code: literals, constants (local or Type.Name) and nameof, joined by +.</summary>
    private static string EvaluateExpression(string expression, Dictionary<string, string> constants, string file)
    {
        var parts = expression.Split('+', StringSplitOptions.TrimEntries);
        return string.Concat(parts.Select(part =>
        {
            if (part.Length >= 2 && part[0] == '"' && part[^1] == '"')
            {
                return part[1..^1];
            }

            if (NameOf().Match(part) is { Success: true } nameOf)
            {
                return nameOf.Groups["name"].Value.Split('.')[^1];
            }

            if (constants.TryGetValue(part, out var local))
            {
                // A constant of this file: its own expression (a literal, or built from other constants).
                return EvaluateExpression(local, constants, file);
            }

            var segments = part.Split('.');
            if (segments.Length >= 2)
            {
                var owner = segments[^2];
                var member = segments[^1];
                foreach (var type in ProductTypes.Value.Where(t => t.Name == owner))
                {
                    if (type.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field)
                    {
                        return (string)field.GetRawConstantValue()!;
                    }
                }
            }

            throw new InvalidOperationException($"{file}: the settings scan cannot evaluate '{part}' in '{expression}' (teach CodeSettings this form).");
        }));
    }

    private static Type OptionsType(string name, string file)
    {
        var simple = name.Split('.')[^1];
        var matches = ProductTypes.Value.Where(t => t.Name == simple && (t.FullName ?? t.Name).EndsWith(name, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{file}: options type {name} is {(matches.Count == 0 ? "not a RectifyFlows type" : "ambiguous")}.");
    }

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? (string)field.GetRawConstantValue()! : null;

    private static IEnumerable<string> Expand(Type type, string prefix, int depth)
    {
        if (depth > 6)
        {
            throw new InvalidOperationException($"{type} nests deeper than the settings scan follows ({prefix}).");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(propertyType))
            {
                if (settable)
                {
                    yield return key;
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                // The binder fills a get-only collection in place: its entries are key:0, key:1… or key:{name}.
                yield return key + ":*";
            }
            else
            {
                foreach (var nested in Expand(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(Uri) || type == typeof(Guid);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    [GeneratedRegex(@"(?m)^\s*///?.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"const\s+string\s+(?<name>\w+)\s*=\s*(?<value>[^;]+);")]
    private static partial Regex LocalConstant();

    [GeneratedRegex(@"AddOptions<(?<type>[\w.]+)>\(\)\s*\.BindConfiguration\((?<section>[^)]*)\)")]
    private static partial Regex BoundOptions();

    [GeneratedRegex(@"GetSection\((?<section>[^)]*)\)\s*\.Get<(?<type>[\w.]+)>\(\)")]
    private static partial Regex GetSectionAs();

    [GeneratedRegex(@"GetSection\((?<section>[^)]*)\)\s*\.Bind\(")]
    private static partial Regex GetSectionBind();

    [GeneratedRegex(@"GetSection\((?<section>[^)]*)\)\s*\.Exists\(\)")]
    private static partial Regex GetSectionExists();

    [GeneratedRegex(@"GetSection\((?<section>[^)]*)\)(?!\s*\.(Get<|Bind\(|Exists\())")]
    private static partial Regex GetSectionRead();

    [GeneratedRegex(@"[Cc]onfiguration\[(?<key>[^\]]+)\]")]
    private static partial Regex ConfigurationIndexer();

    [GeneratedRegex(@"GetEnvironmentVariable\((?<key>[^)]+)\)")]
    private static partial Regex EnvironmentVariable();

    [GeneratedRegex(@"\[TimerTrigger\((?<schedule>[^)]*)\)\]")]
    private static partial Regex TimerTrigger();

    [GeneratedRegex(@"%(?<name>[A-Za-z_][\w:]*)%")]
    private static partial Regex PercentSetting();

    [GeneratedRegex(@"^nameof\((?<name>[\w.]+)\)$")]
    private static partial Regex NameOf();
}
