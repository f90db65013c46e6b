using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Webhooks;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Api.Leads;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Inspections;
using RectifyFlows.Storage.Leads;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Units;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Workflows.Tests;

/// <summary>
/// The intake's hot path (issue 13): an accepted inspection result costs at most two storage round trips — one Table
/// Storage request (the result row, which is also the replay check and the event's record) and one durable call (the
/// raise, a control-queue message in the Azure Storage provider), with no status read. Counted, not timed: the Tables
/// client's <see cref="StorageRequestCounter"/> and every gRPC call the durable client makes, on real Azurite and a
/// real (in-memory) durable engine behind the same gRPC protocol as the standalone host's sidecar. The other signed
/// webhooks (project progress, attendance, leads) are counted the same way: at most two table requests each.
/// </summary>
[TestClass]
public sealed class IntakeRoundTripTests : LedgerTests
{
    private const string Secret = "intake-test-secret";
    private const string Cycle = "monthly-2017-05";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AnAcceptedResult_IsOneTableRequestAndOneRaise_AReplayGetsTheFirstAnswer_AndARefusalLeavesNothing()
    {
        var plan = TestPlans.Read(TestPlans.District(1));
        await Ledger.Get<PlanImporter>().ImportAsync(plan, "test", Ct);
        var team = plan.SupervisionTeams[0].Id;
        var unit = plan.Units[^1].Id;

        // A stand-in for the monthly cycle: collects three results, then completes.
        var port = TestPorts.Next();
        await using var engine = await DurableTaskTestHost.StartAsync(registry => registry.AddOrchestratorFunc<object?, int>("Collects", async (context, _) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await context.WaitForExternalEvent<InspectionResultEvent>(InspectionResultEvent.Name);
            }

            return 3;
        }), new DurableTaskTestHostOptions { Port = port }, Ct);
        var calls = new GrpcCallCounter();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        await using var client = new GrpcDurableTaskClient("intake", new GrpcDurableTaskClientOptions { CallInvoker = channel.Intercept(calls) }, NullLogger.Instance);
        await client.ScheduleNewOrchestrationInstanceAsync("Collects", new StartOrchestrationOptions(Cycle), Ct);
        await client.WaitForInstanceStartAsync(Cycle, Ct);

        var pipeline = new SignedWebhookPipeline(Options.Create(new WebhookOptions { SigningSecret = Secret }),
            new HostingEnvironment { EnvironmentName = Environments.Production }, TimeProvider.System, Ledger.Get<WebhookEventRepository>());
        var webhook = new InspectionResultWebhook(pipeline, Ledger.Get<UnitDirectory>(), Ledger.Get<InspectionResultRepository>());
        var intake = new InspectionIntake(Ledger.Get<InspectionResultRepository>(), client, new RunningCycles(TimeProvider.System), NullLogger<InspectionIntake>.Instance);
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();

        async Task<(int Status, string Body, int TableRequests, IReadOnlyList<string> DurableCalls)> PostAsync(object body)
        {
            calls.Reset();
            var (status, text, tableRequests) = await SendAsync(request => webhook.HandleAsync(request, intake), body, services);
            return (status, text, tableRequests, calls.Names);
        }

        object Result(string eventId, string unitId) => new
        {
            eventId, month = "2017-05", teamId = team, unitId, inspectedAt = "2017-05-15T10:00:00+08:00",
            findings = new[] { new { kind = "work", severity = "low", subject = "台账不全", detail = "现场核实" } },
        };

        // The first result in this process loads the unit directory and reads the cycle's status once.
        var warm = await PostAsync(Result("r-warm", unit));
        Assert.AreEqual(StatusCodes.Status202Accepted, warm.Status, warm.Body);

        var accepted = await PostAsync(Result("r-1", unit));
        Assert.AreEqual(StatusCodes.Status202Accepted, accepted.Status, accepted.Body);
        Assert.AreEqual("r-1", JsonDocument.Parse(accepted.Body).RootElement.GetProperty("id").GetString());
        Assert.AreEqual(1, accepted.TableRequests, "the result row: insert, replay check and event record in one request");
        CollectionAssert.AreEqual(new[] { "RaiseEvent" }, accepted.DurableCalls.ToArray(), "the cycle is raised without a status read");
        Assert.IsTrue(accepted.TableRequests + accepted.DurableCalls.Count <= 2, "at most two storage round trips per accepted webhook");

        // A replay: the first answer, nothing stored twice; the raise is repeated (the first may have been lost in a crash).
        var replay = await PostAsync(Result("r-1", unit));
        Assert.AreEqual(accepted.Status, replay.Status);
        Assert.AreEqual(accepted.Body, replay.Body);
        var stored = await Ledger.Get<InspectionResultRepository>().ListByMonthAsync("2017-05", Ct);
        Assert.AreEqual(2, stored.Count, "warm-up and r-1, once each");

        // A refused result (unknown unit) stores nothing and raises nothing.
        var before = await Ledger.SnapshotAsync(includeCycleTables: true);
        var refused = await PostAsync(Result("r-2", "tw-does-not-exist"));
        Assert.AreEqual(StatusCodes.Status400BadRequest, refused.Status, refused.Body);
        StringAssert.Contains(refused.Body, "unitId");
        Assert.AreEqual(0, refused.DurableCalls.Count);
        await Ledger.AssertUnchangedAsync(before, includeCycleTables: true, message: "a refused result changed stored data");

        // The three raises (warm-up, r-1 and its replay) reached the cycle.
        var done = await client.WaitForInstanceCompletionAsync(Cycle, getInputsAndOutputs: true, Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ProgressAttendanceAndLeads_AreAcceptedInAtMostTwoTableRequests_AReplayGetsTheFirstAnswer_AndARefusalLeavesNothing()
    {
        var plan = TestPlans.Read(TestPlans.District(1));
        await Ledger.Get<PlanImporter>().ImportAsync(plan, "test", Ct);
        var township = plan.Units.First(u => u.Kind == RectifyFlows.Domain.Units.UnitKind.Township).Id;
        var seeded = await Ledger.Get<ProjectRepository>().ImportAsync(plan.DistrictId, [new Project
        {
            Id = "rt-project-1", UnitId = township, Name = "往返计数项目", Year = 2017, Status = "notStarted", Percent = 0, Allocated = 500_000m, Disbursed = 0,
        }], "test", DateTimeOffset.UtcNow, "import", Ct);
        Assert.IsFalse(seeded.HasErrors);

        var pipeline = new SignedWebhookPipeline(Options.Create(new WebhookOptions { SigningSecret = Secret }),
            new HostingEnvironment { EnvironmentName = Environments.Production }, TimeProvider.System, Ledger.Get<WebhookEventRepository>());
        var directory = Ledger.Get<UnitDirectory>();
        var progress = new ProjectProgressWebhook(pipeline, directory, Ledger.Get<ProjectRepository>());
        var attendance = new AttendanceWebhook(pipeline, directory, Ledger.Get<AttendanceRepository>());
        var leads = new LeadWebhook(pipeline, directory, Ledger.Get<LeadRepository>(), Options.Create(new LeadOptions()));
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();

        // Loads the unit directory, as the first request of a process does.
        Assert.IsTrue(await directory.ExistsAsync(township, Ct));

        var cases = new (string Name, Func<HttpRequest, Task<IResult>> Handle, Func<string, object> Body, object Refused, int MaxTableRequests)[]
        {
            ("project-progress", progress.HandleAsync,
                id => new { eventId = id, projectId = "rt-project-1", unitId = township, status = "underConstruction", percent = 40, disbursed = 1000m },
                new { eventId = "pp-refused", projectId = "rt-project-1", unitId = township, status = "underConstruction", percent = 40, disbursed = 900_000m }, 2),
            ("attendance", attendance.HandleAsync,
                id => new { eventId = id, month = "2017-05", personId = "rt-cadre-1", unitId = township, role = "firstSecretary", daysOnSite = 12 },
                new { eventId = "at-refused", month = "2017-05", personId = "rt-cadre-1", unitId = "tw-does-not-exist", role = "firstSecretary", daysOnSite = 12 }, 1),
            ("leads", leads.HandleAsync,
                id => new { eventId = id, receivedAt = "2017-05-15T10:00:00+08:00", source = "12317", subject = "反映问题", detail = "村道未硬化", unitId = township },
                new { eventId = "ld-refused", receivedAt = "2017-05-15T10:00:00+08:00", source = "12317", subject = "反映问题", detail = "村道未硬化", unitId = "tw-does-not-exist" }, 2),
        };
        foreach (var (name, handle, body, refusedBody, maxTableRequests) in cases)
        {
            var accepted = await SendAsync(handle, body(name + "-1"), services);
            Assert.AreEqual(StatusCodes.Status202Accepted, accepted.Status, $"{name}: {accepted.Body}");
            Assert.IsTrue(accepted.TableRequests <= maxTableRequests,
                $"{name}: {accepted.TableRequests} storage round trips for an accepted webhook, at most {maxTableRequests} expected");

            // A replay: the first answer, and nothing written.
            var before = await Ledger.SnapshotAsync(includeCycleTables: true);
            var replay = await SendAsync(handle, body(name + "-1"), services);
            Assert.AreEqual(accepted.Status, replay.Status, name);
            Assert.AreEqual(accepted.Body, replay.Body, name);
            var after = await Ledger.SnapshotAsync(includeCycleTables: true);
            CollectionAssert.AreEqual(before.ToArray(), after.ToArray(), $"{name}: a replay changed stored data");

            // A refused delivery stores nothing.
            var refused = await SendAsync(handle, refusedBody, services);
            Assert.AreEqual(StatusCodes.Status400BadRequest, refused.Status, $"{name}: {refused.Body}");
            CollectionAssert.AreEqual(after.ToArray(), (await Ledger.SnapshotAsync(includeCycleTables: true)).ToArray(), $"{name}: a refused delivery changed stored data");
        }

        var stored = await Ledger.Get<AttendanceRepository>().ListAsync("2017-05", breachesOnly: false, unitId: null, Ct);
        Assert.AreEqual(1, stored.Count, "the month's records list the record, not the event's record beside it");
        Assert.AreEqual(40, (await Ledger.Get<ProjectRepository>().GetAsync(plan.DistrictId, "rt-project-1", Ct))!.Percent);
        Assert.AreEqual(1, (await Ledger.Get<ProjectRepository>().ListByDistrictAsync(plan.DistrictId, Ct)).Count(p => p.Id == "rt-project-1"));
    }

    private static async Task<(int Status, string Body, int TableRequests)> SendAsync(Func<HttpRequest, Task<IResult>> handle, object body, IServiceProvider services)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Web);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.Headers[WebhookSignature.HeaderName] = WebhookSignature.Sign(Secret, DateTimeOffset.UtcNow, bytes);
        var response = new MemoryStream();
        context.Response.Body = response;
        int tableRequests;
        IResult result;
        using (var counter = StorageRequestCounter.Begin())
        {
            result = await handle(context.Request);
            tableRequests = counter.Requests;
        }

        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()), tableRequests);
    }

    /// <summary>Every unary gRPC call of the durable client, by method name.</summary>
    private sealed class GrpcCallCounter : Interceptor
    {
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names
        {
            get
            {
                lock (_names)
                {
                    return [.. _names];
                }
            }
        }

        public void Reset()
        {
            lock (_names)
            {
                _names.Clear();
            }
        }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            lock (_names)
            {
                _names.Add(context.Method.Name);
            }

            return continuation(request, context);
        }
    }
}
