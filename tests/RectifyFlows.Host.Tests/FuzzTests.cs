using System.Collections.Concurrent;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// Generated input against the running host: 10,000 mutations of valid payloads on every write route, and 200
/// concurrent progress updates to one measure from a unit's two keys. Invariants: never a 5xx, every refusal a problem
/// detail, and storage holds exactly what was accepted (a measure's version moved once per accepted change).
/// </summary>
[TestClass]
public sealed class FuzzTests : DistrictHostTests
{
    public const string SecondFupinKey = "test-unit-d001-fupin-2";
    private const int Mutations = 10_000;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    protected override DistrictHostOptions HostOptions => new(
        new Dictionary<string, string>
        {
            // The rotation case: the fupin office's second active key, same principal.
            ["RectifyFlows__Auth__Keys__12__Key"] = SecondFupinKey,
            ["RectifyFlows__Auth__Keys__12__PrincipalId"] = "unit-d001-dept-fupin",
            ["RectifyFlows__Auth__Keys__12__Role"] = "unit",
            ["RectifyFlows__Auth__Keys__12__UnitId"] = "d001-dept-fupin",

            // These tests measure correctness under load, not the limiter (SecurityTests covers it).
            ["RectifyFlows__Http__PermitsPerSecond"] = "100000",
            ["RectifyFlows__Http__Burst"] = "100000",
        });

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task Progress_200ConcurrentUpdatesFromTwoKeys_AllRecorded_NoServerError()
    {
        using var first = Host.Client(TestKeys.Fupin);
        using var second = Host.Client(SecondFupinKey);
        var measureId = (await OpenMeasuresAsync(first))[0];
        var before = await first.MeasureAsync(measureId);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var response = await (i % 2 == 0 ? first : second).PostJsonAsync($"api/measures/{measureId}/progress",
                new { percent = i % 101, note = $"并发更新 {i}" });
            return (int)response.StatusCode;
        }));

        Assert.IsTrue(statuses.All(s => s == 200), string.Join(",", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}")));
        var after = await first.MeasureAsync(measureId);
        Assert.AreEqual(before.Measure.Version + 200, after.Measure.Version);
        var notes = after.History.Select(h => h.Reason ?? string.Empty)
            .Where(reason => reason.StartsWith("并发更新", StringComparison.Ordinal)).Distinct().ToList();
        Assert.AreEqual(200, notes.Count, "history holds every one of the 200 updates");
        var percents = Enumerable.Range(0, 200).Select(i => i % 101).ToHashSet();
        Assert.Contains(after.Measure.Progress, percents);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Crash, CooperativeCancellation = true)]
    public async Task Fuzz_TenThousandMutations_NeverA5xx_AndStorageHoldsExactlyWhatWasAccepted()
    {
        using var unitClient = Host.Client(TestKeys.Fupin);
        using var leader = Host.Client(TestKeys.Leader);
        using var office = Host.Client(TestKeys.Operator);
        using var anonymous = Host.Client();
        var targets = (await OpenMeasuresAsync(unitClient)).Skip(1).Take(4).ToArray();
        var versionsBefore = new Dictionary<string, long>();
        foreach (var id in targets)
        {
            versionsBefore[id] = (await unitClient.MeasureAsync(id)).Measure.Version;
        }

        var accepted = new ConcurrentDictionary<string, int>();
        var acceptedEvents = new ConcurrentDictionary<string, bool>();
        var failures = new ConcurrentQueue<string>();
        var byStatus = new ConcurrentDictionary<int, int>();
        var random = new Random(20171231);
        var plans = Enumerable.Range(0, Mutations).Select(i => Generate(random, i, targets)).ToList();

        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (plan, ct) =>
            {
                var client = plan.Route switch { "signoff" or "decision" => leader, "unit" => office, "webhook" => anonymous, _ => unitClient };
                using var request = new HttpRequestMessage(plan.Route == "unit" ? HttpMethod.Put : HttpMethod.Post, new Uri(plan.Path, UriKind.Relative))
                {
                    Content = new ByteArrayContent(plan.Body) { Headers = { ContentType = new("application/json") } },
                };
                if (plan.Route == "webhook")
                {
                    request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(TestKeys.WebhookSecret, DateTimeOffset.UtcNow, plan.Body));
                }

                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (status >= 500)
                {
                    failures.Enqueue($"{status} {plan.Path} {Encoding.UTF8.GetString(plan.Body)[..Math.Min(300, plan.Body.Length)]} → {text}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Enqueue($"{status} without a problem detail: {plan.Path} → {text}");
                }
                else if (status is >= 200 and < 300)
                {
                    if (plan.Route == "webhook")
                    {
                        acceptedEvents[JsonNode.Parse(text)!["id"]!.GetValue<string>()] = true;
                    }
                    else if (plan.MeasureId is { } id)
                    {
                        accepted.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                }
            });

        TestContext.WriteLine("statuses: " + string.Join(", ", byStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        Assert.IsEmpty(failures, string.Join("\n", failures.Take(10)));
        Assert.IsTrue(byStatus.Keys.Any(s => s >= 400) && byStatus.Keys.Any(s => s < 300), "the mutations produced both refusals and acceptances");
        foreach (var id in targets)
        {
            var version = (await unitClient.MeasureAsync(id)).Measure.Version;
            Assert.AreEqual(versionsBefore[id] + accepted.GetValueOrDefault(id), version, $"{id}: one version per accepted change, none per refusal");
        }

        // An inspection result's row is its event record (docs/intake.md: one conditional insert is the replay
        // check, the record and the result), so the accepted events are counted there.
        var stored = 0;
        await foreach (var _ in Host.Ledger.Get<FeatureTables>().InspectionResults.QueryAsync<Azure.Data.Tables.TableEntity>(cancellationToken: Ct))
        {
            stored++;
        }

        Assert.AreEqual(acceptedEvents.Count, stored, "one stored event per accepted eventId; replays and refusals store nothing");
    }

    private sealed record Mutation(string Route, string Path, string? MeasureId, byte[] Body);

    private static Mutation Generate(Random random, int i, string[] targets)
    {
        var measureId = targets[random.Next(targets.Length)];
        var (route, path, valid) = random.Next(7) switch
        {
            0 or 1 => ("progress", $"api/measures/{measureId}/progress", (JsonNode)new JsonObject { ["percent"] = random.Next(101), ["note"] = "进度说明" }),
            2 => ("evidence", $"api/measures/{measureId}/evidence", new JsonObject
            {
                ["text"] = "整改成效材料", ["effectiveDate"] = "2017-03-20",
                ["attachments"] = new JsonArray(new JsonObject { ["name"] = "凭证.pdf", ["url"] = "https://files.example.gov.cn/a.pdf" }),
            }),
            3 => ("extension", $"api/measures/{measureId}/extension", new JsonObject { ["newDueDate"] = "2027-12-31", ["reason"] = "资金未到位" }),
            4 => (random.Next(2) == 0 ? "signoff" : "decision", "", new JsonObject()),
            5 => ("unit", "api/units/d001-dept-fupin", new JsonObject
            {
                ["contacts"] = new JsonArray(new JsonObject { ["name"] = "扶贫办", ["email"] = "fupin@example.gov.cn", ["mobile"] = "13800000000" }),
            }),
            _ => ("webhook", "api/webhooks/inspection-results", new JsonObject
            {
                ["eventId"] = $"fuzz-{random.Next(50)}", ["month"] = "2017-05", ["teamId"] = "team-1", ["unitId"] = "d001-tw-shiyuan",
                ["inspectedAt"] = "2017-05-15T10:00:00+08:00", ["findings"] = new JsonArray(),
            }),
        };
        if (route == "signoff")
        {
            path = $"api/measures/{measureId}/signoff";
            valid = new JsonObject { ["decision"] = random.Next(2) == 0 ? "accept" : "return", ["comment"] = "审核意见" };
        }
        else if (route == "decision")
        {
            path = $"api/measures/{measureId}/extension/decision";
            valid = new JsonObject { ["approve"] = random.Next(2) == 0, ["comment"] = "审核意见" };
        }

        var mutated = valid;
        for (var step = random.Next(1, 4); step > 0; step--)
        {
            mutated = Mutate(random, mutated);
        }

        var body = Encoding.UTF8.GetBytes(mutated?.ToJsonString() ?? "null");
        if (random.Next(10) == 0)
        {
            body = MutateBytes(random, body);
        }

        return new Mutation(route, path, route is "unit" or "webhook" ? null : measureId, body);
    }

    /// <summary>One structural change: drop, null, retype, stretch, Unicode oddities, unknown field, or replace the whole value.</summary>
    private static JsonNode? Mutate(Random random, JsonNode? node)
    {
        if (node is not JsonObject obj || obj.Count == 0 || random.Next(12) == 0)
        {
            return Oddity(random);
        }

        var key = obj.Select(p => p.Key).ElementAt(random.Next(obj.Count));
        switch (random.Next(9))
        {
            case 0:
                obj.Remove(key);
                break;
            case 1:
                obj[key] = null;
                break;
            case 2:
                obj[key] = Oddity(random);
                break;
            case 3:
                obj[key] = new string('长', random.Next(1000, 12000));
                break;
            case 4:
                obj["unexpected" + random.Next(3)] = Oddity(random);
                break;
            case 5:
                obj[key] = obj[key] is JsonArray array && array.Count > 0 ? Mutate(random, array[0]?.DeepClone()) is var inner ? new JsonArray(inner) : null : Oddity(random);
                break;
            case 6:
                obj[key] = random.Next(3) switch { 0 => "\u202E\u200B\uFEFF", 1 => "𠀀𪚥😀\u0000", _ => "2017-02-30" };
                break;
            case 7:
                obj[key] = random.Next(3) switch { 0 => JsonValue.Create(-1), 1 => JsonValue.Create(long.MaxValue), _ => JsonValue.Create(100.5) };
                break;
            default:
                obj[key] = random.Next(2) == 0 ? JsonValue.Create(random.Next(0, 101)) : JsonValue.Create("2017-0" + random.Next(1, 10) + "-15");
                break;
        }

        return obj;
    }

    private static JsonNode? Oddity(Random random) => random.Next(7) switch
    {
        0 => JsonValue.Create(true),
        1 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        2 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray() } },
        3 => JsonValue.Create(""),
        4 => JsonValue.Create(1e300),
        5 => null,
        _ => JsonValue.Create("<script>alert(1)</script>"),
    };

    /// <summary>Byte-level damage: truncate, flip, or splice garbage (including invalid UTF-8).</summary>
    private static byte[] MutateBytes(Random random, byte[] body)
    {
        if (body.Length == 0)
        {
            return [0xFF];
        }

        var copy = body.ToList();
        switch (random.Next(3))
        {
            case 0:
                return [.. copy.Take(random.Next(body.Length))];
            case 1:
                copy[random.Next(copy.Count)] ^= (byte)(1 << random.Next(8));
                return [.. copy];
            default:
                copy.InsertRange(random.Next(copy.Count), new byte[] { 0xC3, 0x28, (byte)'{', (byte)'"' });
                return [.. copy];
        }
    }

    /// <summary>Measures of the fupin office that still take progress (not closed, no evidence pending).</summary>
    private static async Task<List<string>> OpenMeasuresAsync(HttpClient client)
    {
        var list = await client.MeasuresAsync("unitId=d001-dept-fupin");
        var open = list.Items.Where(m => m.Status is "notStarted" or "inProgress" && m.Kind != "longTerm").Select(m => m.Id).ToList();
        Assert.IsGreaterThanOrEqualTo(5, open.Count, "the test district has enough open fupin measures");
        return open;
    }
}
