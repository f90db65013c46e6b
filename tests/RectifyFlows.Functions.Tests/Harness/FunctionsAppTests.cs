using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// The base of the tests that run the Functions app in the <see cref="FunctionsHarness"/>: the test's cancellation, the
/// app started with the test's token, and the request headers those tests send (an API key, a signed webhook body).
/// </summary>
public abstract class FunctionsAppTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>Cancelled when the test times out (every test here uses cooperative cancellation).</summary>
    protected CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>Starts the app as composed in Production, with <paramref name="options"/> (the defaults when null).</summary>
    protected Task<FunctionsHarness> StartAppAsync(FunctionsHarnessOptions? options = null) => FunctionsHarness.StartAsync(options, Ct);

    /// <summary>The header that carries an API key.</summary>
    protected static Dictionary<string, string> KeyHeader(string key) => new() { ["X-Api-Key"] = key };

    /// <summary>The headers of a webhook post of <paramref name="body"/> signed now with <paramref name="secret"/>.</summary>
    protected static Dictionary<string, string> SignedHeaders(string secret, byte[] body) => new()
    {
        [WebhookSignature.HeaderName] = WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body),
        ["Content-Type"] = "application/json",
    };
}
