using RectifyFlows.DevServices;

namespace RectifyFlows.Host.Tests;

/// <summary>What survives a host that is killed or stopped: the ledger, its progress, its history.</summary>
[TestClass]
public sealed class RestartTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Host_KeepsTheLedgerAndItsProgress_AfterKillMinus9AndRestart()
    {
        var host = await StartHostAsync(TestKeys.UnitKeySettings());
        using (var operatorClient = host.Client(TestKeys.Operator))
        {
            var import = await operatorClient.PostJsonAsync("api/plans", TestPlans.ToJson(TestPlans.District(1)));
            Assert.AreEqual(HttpStatusCode.Created, import.StatusCode);
        }

        using (var unit = host.Client(TestKeys.Fupin))
        {
            await unit.ReportProgressAsync("d001-p3-m1", 45, "自查完成");
        }

        await host.KillAsync();
        await host.DisposeAsync();
        host = await StartHostAsync(TestKeys.UnitKeySettings());

        using var client = host.Client(TestKeys.Operator);
        var measure = await client.MeasureAsync("d001-p3-m1");
        Assert.AreEqual(45, measure.Measure.Progress);
        Assert.AreEqual("inProgress", measure.Measure.Status);
        Assert.AreEqual("自查完成", measure.History.Single(e => e.Action == "progress").Reason);
        Assert.AreEqual(33, (await client.MeasuresAsync($"planId={TestPlans.SeedPlanId}")).Count);
        StringAssert.Contains(host.Output, "Seed plan ganxian-2017-xunshi6: Unchanged");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task Host_StartsItsOwnAzuriteAndMailDev_AndKeepsDataOnDisk_AcrossAFullRestart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("rectifyflows-azurite-").FullName;
        var (blob, queue, table, smtp, web) = (TestPorts.Next(), TestPorts.Next(), TestPorts.Next(), TestPorts.Next(), TestPorts.Next());
        var settings = new Dictionary<string, string>
        {
            ["RectifyFlows__Storage__ConnectionString"] = AzuriteServer.ConnectionStringFor(blob, queue, table),
            ["RectifyFlows__DevServices__Enabled"] = "true",
            ["RectifyFlows__DevServices__DataDirectory"] = dataDirectory,
            ["RectifyFlows__DevServices__SmtpPort"] = smtp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RectifyFlows__DevServices__MailDevWebPort"] = web.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            var host = await HostProcess.StartAsync("dev", settings);
            try
            {
                StringAssert.Contains(host.Output, "Started Azurite");
                StringAssert.Contains(host.Output, "Started MailDev");
                Assert.IsTrue(await PortProbe.IsListeningAsync(smtp, Ct), "MailDev's SMTP port answers");
                using var client = host.Client(TestKeys.Operator);
                var signOff = await client.PostJsonAsync("api/measures/p4-m1/signoff", new { decision = "accept", comment = "资金已全部拨付" });
                Assert.AreEqual(HttpStatusCode.OK, signOff.StatusCode, await signOff.Content.ReadAsStringAsync());
            }
            finally
            {
                await host.TerminateAsync();
                await host.DisposeAsync();
            }

            Assert.IsFalse(await PortProbe.IsListeningAsync(table, Ct), "Azurite stopped with the host");
            Assert.IsFalse(await PortProbe.IsListeningAsync(smtp, Ct), "MailDev stopped with the host");

            host = await HostProcess.StartAsync("dev", settings);
            try
            {
                using var client = host.Client(TestKeys.Operator);
                Assert.AreEqual("signedOff", (await client.MeasureAsync("p4-m1")).Measure.Status, "read back from Azurite's files after both restarted");
            }
            finally
            {
                await host.TerminateAsync();
                await host.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

}
