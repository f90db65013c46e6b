using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Api.Auth;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Host.Verbs;

/// <summary>
/// Command-line verbs of the host. They read the same configuration as the web host (so the same storage), and start
/// Azurite themselves when development storage is configured and it is not running.
/// </summary>
public static class HostVerbs
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["import"] = ImportAsync,
        ["generate"] = GenerateAsync,
        ["reindex"] = ReindexAsync,
        ["keys"] = KeysAsync,
        ["demo"] = DemoVerb.RunAsync,
        ["sign"] = SignAsync,
        ["doctor"] = OperationsVerbs.DoctorAsync,
        ["sizes"] = OperationsVerbs.SizesAsync,
        ["purge"] = OperationsVerbs.PurgeAsync,
        ["export"] = OperationsVerbs.ExportAsync,
        ["restore"] = OperationsVerbs.RestoreAsync,
        ["help"] = _ => Task.FromResult(Usage()),
    };

    public static bool IsVerb(string[] args) => args is [var first, ..] && Verbs.ContainsKey(first);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            (var verbArgs, _storageTarget) = StorageTarget.Extract(args[1..]);
            return await Verbs[args[0]](verbArgs);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Usage();
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            // --table-endpoint (or RectifyFlows:Storage:TableServiceUri) signs in with DefaultAzureCredential: locally
            // that is the Azure CLI's (or azd's) sign-in.
            await Console.Error.WriteLineAsync(
                "Could not sign in to the table endpoint with DefaultAzureCredential. Run `az login` (or `azd auth login`) as an "
                + "account that holds Storage Table Data Contributor on the storage account (docs/deployment.md).\n" + ex.Message);
            return 1;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 403)
        {
            await Console.Error.WriteLineAsync(
                "The storage account refused the signed-in account (403). It needs Storage Table Data Contributor on the account "
                + "(azd grants it to AZURE_PRINCIPAL_ID); a new role assignment takes a few minutes to apply.\n" + ex.Message);
            return 1;
        }
    }

    /// <summary>The storage the verbs were pointed at on the command line (<see cref="StorageTarget"/>); empty for the configured one.</summary>
    private static IReadOnlyDictionary<string, string?> _storageTarget = new Dictionary<string, string?>();

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: dotnet run --project src/RectifyFlows.Host -- <verb> [options]
              (no verb)                           serve the API
              import <file|folder> [--parallel N] import a plan file, or every *.plan.json in a folder; idempotent;
                                                  progress on stderr; N plans at a time (default 1: file order decides unit ownership)
              generate [--districts N] [--out DIR] [--seed FILE]
                                                  write N synthetic districts scaled from the seed plan (default 100)
              reindex <planId>                    rebuild the by-unit and by-due-date projections of a plan
              demo                                replay a month of the seed case in the Fast profile (about two minutes)
              keys issue --role R [--unit U] [--principal P]
                                                  issue an API key (printed once, stored hashed); at most two
                                                  active keys per principal, so rotation is issue, switch, revoke
              sign --body JSON | --file F [--secret S]
                                                  print an X-RectifyFlows-Signature header value for a webhook body
                                                  (development secret by default; valid for 300 s)
              keys list --principal P             a principal's keys by key id (no secrets)
              keys revoke --principal P --key-id K
                                                  revoke a key
              doctor [--check]                    find failed, stuck, corrupt or missing ladders and cycles and
                                                  rebuild them from the ledger (--check: report only)
              sizes                               row counts of every table, the outbox by status, the task hub
              purge                               apply the retention settings now (RectifyFlows:Operations:Retention)
              export <file>                       write every product table to one backup file (.jsonl.gz)
              restore <file> [--force]            load a backup into an empty store (--force: over existing rows)

            Storage options of every verb that reads or writes the ledger (default: the configured storage):
              --table-endpoint URI                a deployed account's table endpoint, signed in with DefaultAzureCredential
                                                  (`az login`); e.g. $(azd env get-value AZURE_STORAGE_TABLE_ENDPOINT)
              --connection-string CS              a connection string (Azurite: UseDevelopmentStorage=true)
              --table-prefix P                    the deployment's table prefix (azd: RECTIFYFLOWS_TABLE_PREFIX; default empty)
            """);
        return 2;
    }

    private static async Task<int> ImportAsync(string[] args)
    {
        var path = args is [var p, ..] ? p : throw new ArgumentException("import needs a file or folder.");
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.plan.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new ArgumentException($"'{path}' is neither a file nor a folder.");

        var plans = new List<Plan>();
        var invalid = 0;
        foreach (var file in files)
        {
            var read = PlanReader.Read(await File.ReadAllBytesAsync(file));
            if (read.IsValid)
            {
                plans.Add(read.Plan!);
                continue;
            }

            invalid++;
            await Console.Error.WriteLineAsync($"{file}: {read.Errors.Count} problem(s), not imported:");
            foreach (var (field, messages) in read.Errors.ToDictionary())
            {
                await Console.Error.WriteLineAsync($"  {field}: {string.Join(" ", messages)}");
            }
        }

        if (invalid > 0)
        {
            return 2;
        }

        // Plans are separate partitions, so several can be in flight; one at a time by default, because a unit declared
        // by two plans belongs to the first one imported (file order), which only a sequential import guarantees.
        var parallel = int.Parse(Option(args, "--parallel") ?? "1", CultureInfo.InvariantCulture);
        if (parallel is < 1 or > 64)
        {
            throw new ArgumentException("--parallel must be from 1 to 64.");
        }

        return await WithStorageAsync(args[1..], async services =>
        {
            var importer = services.GetRequiredService<PlanImporter>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var done = 0;
            var failed = 0;
            var output = new Lock();
            await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (plan, ct) =>
            {
                try
                {
                    var result = await importer.ImportAsync(plan, "cli-import", ct);
                    var count = Interlocked.Increment(ref done);
                    lock (output)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{result.PlanId}: {result.Outcome} ({result.MeasuresCreated} measures created, {result.MeasuresUpdated} updated, {result.UnitsWritten} units written)"));
                        if (plans.Count > 1)
                        {
                            // Progress on stderr, so stdout stays one line per plan for scripts.
                            var elapsed = clock.Elapsed;
                            var left = TimeSpan.FromSeconds(elapsed.TotalSeconds / count * (plans.Count - count));
                            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"[{count}/{plans.Count}] {elapsed.TotalSeconds:0} s, about {left.TotalSeconds:0} s left"));
                        }
                    }
                }
                catch (PlanConflictException ex)
                {
                    Interlocked.Increment(ref failed);
                    lock (output)
                    {
                        Console.Error.WriteLine($"{plan.Id}: {ex.Message} {string.Join("; ", ex.Errors.SelectMany(e => e.Value))}");
                    }
                }
            });

            return failed > 0 ? 1 : 0;
        });
    }

    private static async Task<int> GenerateAsync(string[] args)
    {
        var districts = int.Parse(Option(args, "--districts") ?? "100", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? "province";
        var seedFile = Option(args, "--seed") ?? Path.Combine(AppContext.BaseDirectory, "seeds", "ganxian-2017.plan.json");
        var seed = JsonSerializer.Deserialize<PlanDocument>(await File.ReadAllBytesAsync(seedFile), PlanReader.JsonOptions)
            ?? throw new ArgumentException($"{seedFile} is not a plan file.");
        Directory.CreateDirectory(output);
        var options = new JsonSerializerOptions(PlanReader.JsonOptions)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        var count = 0;
        foreach (var plan in SyntheticPlanGenerator.Generate(seed, districts))
        {
            await File.WriteAllBytesAsync(Path.Combine(output, $"{plan.DistrictId}.plan.json"), JsonSerializer.SerializeToUtf8Bytes(plan, options));
            count++;
        }

        Console.WriteLine($"Wrote {count} synthetic district plan(s) to {Path.GetFullPath(output)}; import them with: import {output}");
        return 0;
    }

    private static Task<int> ReindexAsync(string[] args)
    {
        var planId = args is [var p, ..] ? p : throw new ArgumentException("reindex needs a plan id.");
        return WithStorageAsync(args[1..], async services =>
        {
            var count = await services.GetRequiredService<MeasureProjector>().RebuildPlanAsync(planId, CancellationToken.None);
            Console.WriteLine($"{planId}: projections of {count} measure(s) rebuilt.");
            return 0;
        });
    }

    /// <summary>Who the audit rows of the keys verbs name: the operating-system account that ran the command.</summary>
    internal static string CliActor => "cli:" + Environment.UserName;

    private static Task<int> KeysAsync(string[] args) => args switch
    {
        ["issue", ..] => IssueKeyAsync(args),
        ["list", ..] => ListKeysAsync(args),
        ["revoke", ..] => RevokeKeyAsync(args),
        _ => throw new ArgumentException("keys supports: issue, list, revoke."),
    };

    private static Task<int> IssueKeyAsync(string[] args)
    {
        var role = Option(args, "--role") ?? throw new ArgumentException("keys issue needs --role.");
        var unit = Option(args, "--unit");
        if (!Roles.All.Contains(role) || (role == Roles.Unit && unit is null))
        {
            throw new ArgumentException($"--role must be one of {string.Join(", ", Roles.All)}; role unit needs --unit.");
        }

        var principal = Option(args, "--principal") ?? (unit is null ? role : $"{role}-{unit}");
        return WithStorageAsync([], async services =>
        {
            try
            {
                var key = await services.GetRequiredService<ApiKeyStore>().IssueAsync(principal, role, unit, "keys issue", CliActor, CancellationToken.None);
                Console.WriteLine(key);
                await Console.Error.WriteLineAsync(
                    $"Issued a {role} key ({ApiKeyStore.KeyId(ApiKeyStore.Hash(key))}) for {principal}; it is shown once and stored only as a hash.");
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
    }

    private static Task<int> ListKeysAsync(string[] args)
    {
        var principal = Option(args, "--principal") ?? throw new ArgumentException("keys list needs --principal.");
        return WithStorageAsync([], async services =>
        {
            foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(principal, CancellationToken.None))
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "active";
                Console.WriteLine($"{key.RowKey}  {key.Role,-8} {key.UnitId ?? "-",-16} {key.CreatedAt:yyyy-MM-dd HH:mm}Z  {state}  {key.Label}");
            }

            return 0;
        });
    }

    private static Task<int> RevokeKeyAsync(string[] args)
    {
        var principal = Option(args, "--principal") ?? throw new ArgumentException("keys revoke needs --principal.");
        var keyId = Option(args, "--key-id") ?? throw new ArgumentException("keys revoke needs --key-id (see keys list).");
        return WithStorageAsync([], async services =>
        {
            var revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(principal, keyId, CliActor, CancellationToken.None);
            await Console.Error.WriteLineAsync(revoked
                ? $"Revoked key {keyId} of {principal}; hosts stop accepting it within RectifyFlows:Auth:CacheSeconds."
                : $"No active key {keyId} for {principal}.");
            return revoked ? 0 : 1;
        });
    }

    private static async Task<int> SignAsync(string[] args)
    {
        var body = Option(args, "--body") is { } text ? System.Text.Encoding.UTF8.GetBytes(text)
            : Option(args, "--file") is { } file ? await File.ReadAllBytesAsync(file)
            : throw new ArgumentException("sign needs --body JSON or --file F.");
        var secret = Option(args, "--secret") ?? DevelopmentWebhookSecret;
        Console.WriteLine(RectifyFlows.Domain.Webhooks.WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
        return 0;
    }

    /// <summary>The documented development secret of appsettings.Development.json (never valid outside Development/Fast).</summary>
    private const string DevelopmentWebhookSecret = "dev-webhook-secret";

    /// <summary>Runs <paramref name="work"/> with storage ready (Azurite started if needed, tables created).</summary>
    internal static async Task<int> WithStorageAsync(
        string[] configurationArgs, Func<IServiceProvider, Task<int>> work, Action<IHostApplicationBuilder>? compose = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        // Added last, so the command line's storage target wins over appsettings and environment variables.
        builder.Configuration.AddInMemoryCollection(_storageTarget);
        builder.AddRectifyFlowsCore();
        compose?.Invoke(builder);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<StorageSchema>().CreateIfNotExistsAsync(CancellationToken.None);
            return await work(host.Services);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
