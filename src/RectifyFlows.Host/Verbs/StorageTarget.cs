using System.CommandLine;
using RectifyFlows.DevServices;
using RectifyFlows.Storage;

namespace RectifyFlows.Host.Verbs;

/// <summary>
/// Points the verbs at a storage account from the command line, so an operator can run <c>keys issue</c>, <c>import</c>,
/// <c>export</c>… against a deployment with their own <c>az login</c>: <c>--table-endpoint</c> (DefaultAzureCredential, as the
/// Functions app's identity does), <c>--connection-string</c> (Azurite or an account key) and <c>--table-prefix</c>. They are
/// options of every verb (recursive on the root command) and become the <c>RectifyFlows:Storage</c> settings; a remote target
/// also turns the dev services (Azurite) off.
/// </summary>
internal sealed class StorageTarget
{
    public Option<string> Endpoint { get; } = new("--table-endpoint")
    {
        Description = "a deployed account's table endpoint, signed in with DefaultAzureCredential (`az login`); e.g. $(azd env get-value AZURE_STORAGE_TABLE_ENDPOINT)",
        HelpName = "URI",
        Recursive = true,
    };

    public Option<string> ConnectionString { get; } = new("--connection-string")
    {
        Description = "a connection string (Azurite: UseDevelopmentStorage=true)",
        HelpName = "CS",
        Recursive = true,
    };

    public Option<string> Prefix { get; } = new("--table-prefix")
    {
        Description = "the deployment's table prefix (azd: RECTIFYFLOWS_TABLE_PREFIX; default empty)",
        HelpName = "P",
        Recursive = true,
    };

    public StorageTarget()
    {
        Endpoint.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                result.AddError($"{Endpoint.Name} needs an https URI, e.g. https://<account>.table.core.windows.net/ (azd env get-value AZURE_STORAGE_TABLE_ENDPOINT).");
            }
        });
    }

    /// <summary>Adds the options to the root command, with the rule that the two ways of signing in exclude each other.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(Endpoint);
        root.Options.Add(ConnectionString);
        root.Options.Add(Prefix);
        root.Validators.Add(result =>
        {
            if (result.GetResult(Endpoint) is not null && result.GetResult(ConnectionString) is not null)
            {
                result.AddError($"Give {Endpoint.Name} or {ConnectionString.Name}, not both.");
            }
        });
    }

    /// <summary>The settings the options given on the command line stand for (empty: the configured storage).</summary>
    public IReadOnlyDictionary<string, string?> Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(Endpoint) is { } endpoint)
        {
            settings[Key(nameof(StorageOptions.TableServiceUri))] = new Uri(endpoint).ToString();
            settings[$"{DevServicesOptions.SectionName}:{nameof(DevServicesOptions.Enabled)}"] = "false";
        }

        if (parse.GetValue(ConnectionString) is { } connectionString)
        {
            settings[Key(nameof(StorageOptions.ConnectionString))] = connectionString;
        }

        if (parse.GetValue(Prefix) is { } prefix)
        {
            settings[Key(nameof(StorageOptions.TablePrefix))] = prefix;
        }

        return settings;
    }

    private static string Key(string property) => $"{StorageOptions.SectionName}:{property}";
}
