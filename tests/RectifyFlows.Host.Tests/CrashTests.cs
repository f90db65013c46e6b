using System.Diagnostics;
using System.Globalization;
using System.Net;
using RectifyFlows.DevServices;
using RectifyFlows.Domain.Time;
using RectifyFlows.Testing;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The whole process group killed like a power cut — host and Azurite with disk persistence, SIGKILL — then restarted
/// on the same data: what was written more than the 5 s autosave interval before the kill is there, and the doctor
/// leaves no ladder broken (docs/operations.md, "What the embedded store can lose").
/// </summary>
[TestClass]
public sealed class CrashTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300000)]
    public async Task GroupKill_WhileLaddersWait_RestartOnTheSameData_KeepsTheLedger_AndNoLadderStaysBroken()
    {
        var data = Path.Combine(Path.GetTempPath(), "rectifyflows-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var project = NodeProject.Locate(null, RepositoryFiles.Root);
        var prefix = LedgerFixture.NewPrefix();
        var document = TestPlans.District(1);
        var farAway = ChinaTime.Today(TimeProvider.System).AddDays(365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var measure in document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!))
        {
            measure!.DueDate = farAway;
        }

        var measureIds = document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!).Select(m => m!.Id!).ToList();
        try
        {
            var azurite = await AzuriteServer.StartAsync(project, 0, 0, 0, data, TestContext.CancellationToken);
            var settings = Settings(azurite.ConnectionString);
            var host = await HostProcess.StartAsync(prefix, settings);
            using (var office = host.Client(LedgerApiTests.Operator))
            {
                Assert.AreEqual(HttpStatusCode.Created, (await LedgerApiTests.PostAsync(office, "api/plans", TestPlans.ToJson(document))).StatusCode);
            }

            var hub = new TaskHub(azurite.ConnectionString, "hub" + prefix);
            foreach (var id in measureIds)
            {
                await hub.WaitForStatusAsync("escalation-measure-" + id, "Running", TimeSpan.FromSeconds(120));
            }

            // Past the autosave interval: what is acknowledged now must survive the kill.
            await Task.Delay(TimeSpan.FromSeconds(7), TestContext.CancellationToken);
            using (var azuriteProcess = Process.GetProcessById(azurite.ProcessId))
            {
                azuriteProcess.Kill(entireProcessTree: true);
                await host.KillAsync();
                await azuriteProcess.WaitForExitAsync(TestContext.CancellationToken);
            }

            await host.DisposeAsync();
            await azurite.DisposeAsync();

            await using var restarted = await AzuriteServer.StartAsync(project, 0, 0, 0, data, TestContext.CancellationToken);
            settings = Settings(restarted.ConnectionString);
            var (doctorCode, doctor) = await HostProcess.RunVerbAsync(prefix, ["doctor"], settings);
            Assert.AreEqual(0, doctorCode, doctor);
            await using var again = await HostProcess.StartAsync(prefix, settings);
            using var client = again.Client(LedgerApiTests.Operator);
            var plan = await client.GetAsync(new Uri("api/plans/" + document.PlanId, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.OK, plan.StatusCode, "the imported plan survived the kill");
            hub = new TaskHub(restarted.ConnectionString, "hub" + prefix);
            foreach (var id in measureIds)
            {
                await hub.WaitForStatusAsync("escalation-measure-" + id, "Running", TimeSpan.FromSeconds(120));
            }

            var (checkCode, check) = await HostProcess.RunVerbAsync(prefix, ["doctor", "--check"], settings);
            Assert.AreEqual(0, checkCode, check);
            StringAssert.Contains(check, "0 broken", check);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temp folder is cleaned by the system.
            }
        }
    }

    private static Dictionary<string, string> Settings(string connectionString) => new(LedgerApiTests.TestKeys)
    {
        ["RectifyFlows__Seed__Enabled"] = "false",
        ["RectifyFlows__Storage__ConnectionString"] = connectionString,
        ["RectifyFlows__Operations__DoctorInterval"] = "00:00:00",
    };
}
