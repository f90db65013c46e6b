
namespace RectifyFlows.Host.Tests;

/// <summary>
/// Issue 15: the host's verbs are declared with System.CommandLine, so each has help and its input is checked before
/// anything touches storage; bad input is exit code 2 with what was wrong and where the help is.
/// </summary>
[TestClass]
public sealed class VerbHelpTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Host_PrintsItsVerbs_AndEachVerbsOptions_OnHelp()
    {
        var (rootCode, root) = await HostProcess.RunVerbAsync("unused", ["--help"]);
        Assert.AreEqual(0, rootCode, root);
        foreach (var verb in new[] { "import", "generate", "reindex", "demo", "keys", "sign", "doctor", "sizes", "purge", "export", "restore" })
        {
            StringAssert.Contains(root, $"  {verb}", $"{verb} is listed");
        }

        var (issueCode, issue) = await HostProcess.RunVerbAsync("unused", ["keys", "issue", "--help"]);
        Assert.AreEqual(0, issueCode, issue);
        StringAssert.Contains(issue, "--role <leader|operator|team|unit> (REQUIRED)");
        StringAssert.Contains(issue, "--table-prefix", "the storage options come with every verb");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public async Task Verbs_RejectBadInput_WithExitCode2_NamingTheOptionAndTheHelp()
    {
        (string[] Args, string Message)[] cases =
        [
            (["import", "seeds", "--parallel", "many"], "--parallel"),
            (["import", "seeds", "--parallel", "0"], "--parallel must be from 1 to 64."),
            (["keys", "issue"], "Option '--role' is required."),
            (["keys", "issue", "--role", "unit"], "--role unit needs --unit."),
            (["restore", "no-such-backup.jsonl.gz"], "restore needs an existing backup file."),
            (["sign"], "sign needs --body JSON or --file F"),
        ];
        foreach (var (args, message) in cases)
        {
            var (code, output) = await HostProcess.RunVerbAsync("unused", args);

            Assert.AreEqual(2, code, $"{string.Join(' ', args)}: {output}");
            StringAssert.Contains(output, message, string.Join(' ', args));
            StringAssert.Contains(output, $"See: rectifyflows {args[0]}", string.Join(' ', args));
            Assert.DoesNotContain("Unhandled exception", output);
        }
    }
}
