using System.Text;
using Microsoft.Extensions.Logging;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Per-sender webhook secrets on Azure: one Key Vault secret (<c>webhook-sender-secrets</c>, a JSON object of sender id →
/// secret) behind the template's <c>RectifyFlows__Webhooks__SenderSecrets</c>, so they survive <c>azd provision</c> and
/// need no app setting named after a sender. Through the harness, with no shared signing secret set.
/// </summary>
[TestClass]
public sealed class WebhookSenderSecretsTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task SenderSecretsFromKeyVault_VerifyTheirSenderOnly()
    {
        const string hotline = "hotline-secret-of-the-harness-0123456789";
        var options = new FunctionsHarnessOptions { Durable = false };
        options.KeyVault.Set("webhook-sender-secrets", $$"""{"hotline-12317": "{{hotline}}", "team-1": "team-secret-of-the-harness-0123456789"}""");
        await using var app = await StartAppAsync(options);

        var own = Lead("hotline-12317", "evt-sender-0001");
        var genuine = await app.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(hotline, own), own, Ct);
        var other = Lead("hotline-other", "evt-sender-0002");
        var borrowed = await app.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(hotline, other), other, Ct);
        var wrong = await app.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders("team-secret-of-the-harness-0123456789", own), own, Ct);

        Assert.AreNotEqual(401, genuine.Status, "the sender's own secret verifies: " + genuine);
        Assert.AreEqual(401, borrowed.Status, "a sender not in the object has no secret (no shared one is set): " + borrowed);
        Assert.AreEqual(401, wrong.Status, "another sender's secret does not verify: " + wrong);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task MalformedSenderSecrets_CountAsNone_AndAreReportedAtStart()
    {
        const string secret = "hotline-secret-of-the-harness-0123456789";
        var options = new FunctionsHarnessOptions { Durable = false };
        options.KeyVault.Set("webhook-sender-secrets", $"hotline-12317={secret}");
        await using var app = await StartAppAsync(options);

        var body = Lead("hotline-12317", "evt-sender-0003");
        var response = await app.InvokeHttpAsync("POST", "/api/webhooks/leads", SignedHeaders(secret, body), body, Ct);

        Assert.AreEqual(401, response.Status, response.ToString());
        Assert.IsTrue(app.Log.AtLeast(LogLevel.Error).Any(e => e.Message.Contains("RectifyFlows:Webhooks:SenderSecrets", StringComparison.Ordinal)),
            "a malformed sender-secrets object is logged as an error at start");
    }

    private static byte[] Lead(string source, string eventId) => Encoding.UTF8.GetBytes(
        $$"""{"eventId":"{{eventId}}","receivedAt":"2017-03-02T09:00:00+08:00","source":"{{source}}","subject":"反映扶贫资金被挪用","detail":"群众来电反映。","unitId":"tw-meilin"}""");
}
