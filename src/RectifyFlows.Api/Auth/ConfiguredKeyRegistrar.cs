using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Configuration;
using RectifyFlows.Storage.Auth;

namespace RectifyFlows.Api.Auth;

/// <summary>
/// Registers the keys given in configuration (stored hashed, idempotent): <c>RectifyFlows:Auth:BootstrapOperatorKey</c>
/// — on Azure a Key Vault reference, the way to the first operator key — and <c>RectifyFlows:Auth:Keys</c>. Run at
/// start by both hosts (the standalone host's LedgerInitializer, the Functions app's StorageInitializer).
/// </summary>
public sealed partial class ConfiguredKeyRegistrar(ApiKeyStore keys, IOptions<AuthOptions> auth, ILogger<ConfiguredKeyRegistrar> logger)
{
    public const string BootstrapPrincipal = "bootstrap-operator";

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var bootstrap = auth.Value.BootstrapOperatorKey;
        if (ConfiguredSecret.ValueOrNull(bootstrap) is { } key)
        {
            await keys.RegisterAsync(key, BootstrapPrincipal, Roles.Operator, null, "RectifyFlows:Auth:BootstrapOperatorKey", cancellationToken);
        }
        else if (ConfiguredSecret.IsUnresolvedReference(bootstrap))
        {
            // Fail closed: the reference's text is never a key. Set the secret (docs/deployment.md) and restart.
            LogBootstrapUnresolved();
        }

        foreach (var configured in auth.Value.Keys)
        {
            if (ConfiguredSecret.ValueOrNull(configured.Key) is { } value)
            {
                await keys.RegisterAsync(value, configured.PrincipalId, configured.Role, configured.UnitId, "RectifyFlows:Auth:Keys", cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RectifyFlows:Auth:BootstrapOperatorKey is an unresolved Key Vault reference: no bootstrap key is registered")]
    private partial void LogBootstrapUnresolved();
}
