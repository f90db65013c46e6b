namespace RectifyFlows.Host.Tests;

/// <summary>
/// Issue 11: the host's verbs run against a deployment's storage from an operator's machine. The storage comes from the
/// command line (<c>--connection-string</c>/<c>--table-endpoint</c>, <c>--table-prefix</c>), not from the host's settings:
/// here against Azurite with a connection string, and with a table endpoint up to DefaultAzureCredential's sign-in,
/// which fails on these machines (no Azure sign-in) with the message that says what to do.
/// </summary>
[TestClass]
public sealed class StorageTargetVerbTests
{
    /// <summary>The verb's environment names other storage: only the command line can lead it to the test's tables.</summary>
    private static Dictionary<string, string> Elsewhere() => new(StringComparer.Ordinal)
    {
        ["RectifyFlows__Storage__ConnectionString"] = string.Empty,
        ["RectifyFlows__Storage__TablePrefix"] = "Elsewhere",
    };

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task KeysVerbs_UseTheStorageGivenOnTheCommandLine()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        var connection = await TestStorage.ConnectionStringAsync();
        string[] target = ["--connection-string", connection, "--table-prefix", ledger.Prefix];

        var (issueCode, issued) = await HostProcess.RunVerbAsync(
            ledger.Prefix, ["keys", "issue", "--role", "operator", "--principal", "first-operator", .. target], Elsewhere(), "Production");
        Assert.AreEqual(0, issueCode, issued);
        var keyId = System.Text.RegularExpressions.Regex.Match(issued, @"Issued a operator key \((?<id>[^)]+)\)").Groups["id"].Value;
        Assert.IsFalse(string.IsNullOrEmpty(keyId), issued);

        var (listCode, listed) = await HostProcess.RunVerbAsync(
            ledger.Prefix, ["keys", "list", "--principal", "first-operator", .. target], Elsewhere(), "Production");
        Assert.AreEqual(0, listCode, listed);
        StringAssert.Contains(listed, keyId);
        StringAssert.Contains(listed, "active");

        // Written to the tables of the prefix the command line gave, not to those the environment names.
        var keys = await ledger.Get<RectifyFlows.Storage.Auth.ApiKeyStore>().ListAsync("first-operator", CancellationToken.None);
        Assert.IsTrue(keys.Any(k => k.RowKey == keyId && k.Role == "operator"), string.Join(", ", keys.Select(k => k.RowKey)));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task KeysVerbs_WithATableEndpoint_SignInWithDefaultAzureCredential()
    {
        // A closed local https port: the table client asks DefaultAzureCredential for a token before it sends anything,
        // and no credential is available here (no managed identity, no az/azd sign-in).
        var (code, output) = await HostProcess.RunVerbAsync(
            "unused", ["keys", "list", "--principal", "first-operator", "--table-endpoint", "https://127.0.0.1:9/devstoreaccount1"], Elsewhere(), "Production");

        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "DefaultAzureCredential");
        StringAssert.Contains(output, "az login");
        Assert.DoesNotContain("Unhandled exception", output);

        var (badCode, bad) = await HostProcess.RunVerbAsync(
            "unused", ["keys", "list", "--principal", "first-operator", "--table-endpoint", "http://127.0.0.1:9/devstoreaccount1"], Elsewhere(), "Production");
        Assert.AreEqual(2, badCode, bad);
        StringAssert.Contains(bad, "--table-endpoint needs an https URI");
    }
}
