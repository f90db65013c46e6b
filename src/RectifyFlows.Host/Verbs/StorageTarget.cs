using RectifyFlows.DevServices;
using RectifyFlows.Storage;

namespace RectifyFlows.Host.Verbs;

/// <summary>
/// Points the verbs at a storage account from the command line, so an operator can run <c>keys issue</c>, <c>import</c>,
/// <c>export</c>… against a deployment with their own <c>az login</c>: <c>--table-endpoint</c> (DefaultAzureCredential, as the
/// Functions app's identity does), <c>--connection-string</c> (Azurite or an account key) and <c>--table-prefix</c>. These
/// become the <c>RectifyFlows:Storage</c> settings; a remote target also turns the dev services (Azurite) off.
/// </summary>
internal static class StorageTarget
{
    private const string Endpoint = "--table-endpoint";
    private const string ConnectionString = "--connection-string";
    private const string Prefix = "--table-prefix";

    /// <summary>The verb's own arguments without the storage options, and the settings those options give.</summary>
    public static (string[] VerbArgs, IReadOnlyDictionary<string, string?> Settings) Extract(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case Endpoint:
                    var endpoint = Value(args, ref i);
                    if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                    {
                        throw new ArgumentException($"{Endpoint} needs an https URI, e.g. https://<account>.table.core.windows.net/ (azd env get-value AZURE_STORAGE_TABLE_ENDPOINT).");
                    }

                    settings[Key(nameof(StorageOptions.TableServiceUri))] = uri.ToString();
                    settings[$"{DevServicesOptions.SectionName}:{nameof(DevServicesOptions.Enabled)}"] = "false";
                    break;
                case ConnectionString:
                    settings[Key(nameof(StorageOptions.ConnectionString))] = Value(args, ref i);
                    break;
                case Prefix:
                    settings[Key(nameof(StorageOptions.TablePrefix))] = Value(args, ref i);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (settings.ContainsKey(Key(nameof(StorageOptions.TableServiceUri))) && settings.ContainsKey(Key(nameof(StorageOptions.ConnectionString))))
        {
            throw new ArgumentException($"Give {Endpoint} or {ConnectionString}, not both.");
        }

        return ([.. rest], settings);
    }

    private static string Key(string property) => $"{StorageOptions.SectionName}:{property}";

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
