using System.CommandLine;
using System.CommandLine.Parsing;
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
    /// <summary>The options that print help instead of serving (the root command's, spelled as System.CommandLine does).</summary>
    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "/h"];

    /// <summary>Whether the command line names a verb (or asks for help); without one the host serves the API.</summary>
    public static bool IsVerb(string[] args) =>
        args is [var first, ..] && (HelpTokens.Contains(first, StringComparer.Ordinal) || Root(new StorageTarget()).Subcommands.Any(verb => verb.Name == first));

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var storage = new StorageTarget();
        var parse = Root(storage).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Bad input is exit code 2 (as before System.CommandLine, whose own default is 1), with what was wrong and where help is.
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync(HelpHint(parse));
            return 2;
        }

        _storageTarget = storage.Settings(parse);
        try
        {
            // Exceptions reach the handlers below, and Ctrl+C is left to the host that demo runs (its own graceful stop).
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(HelpHint(parse));
            return 2;
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

    /// <summary>Every verb, with its options, help text and validation.</summary>
    private static RootCommand Root(StorageTarget storage)
    {
        var root = new RootCommand(
            "RectifyFlows standalone host. Without a verb it serves the API and dashboard; with a verb it runs the command against the "
            + "configured storage (or the one the storage options name) and exits.\n"
            + "Usage: dotnet run --project src/RectifyFlows.Host -- <verb> [options]");
        storage.AddTo(root);
        Command[] verbs =
        [
            ImportCommand(), GenerateCommand(), ReindexCommand(), DemoVerb.Command(), KeysCommand(), SignCommand(),
            .. OperationsVerbs.Commands(),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }

        var help = new Command("help", "Show this help.");
        help.SetAction(_ => root.Parse("--help").Invoke());
        root.Subcommands.Add(help);
        return root;
    }

    /// <summary>Where the help of the verb the command line reached is, e.g. <c>See: rectifyflows keys issue --help</c>.</summary>
    private static string HelpHint(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var current = parse.CommandResult; current is not null; current = current.Parent as CommandResult)
        {
            names.Push(current.Command is RootCommand ? "rectifyflows" : current.Command.Name);
        }

        return $"See: {string.Join(' ', names)} --help";
    }

    private static Command ImportCommand()
    {
        var path = new Argument<string>("file|folder") { Description = "a plan file, or a folder: every *.plan.json in it, in name order" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "plans imported at a time (default 1: file order decides which plan owns a unit two plans declare)",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        parallel.Validators.Add(result => Range(result, parallel, 1, 64));
        var command = new Command("import", "Import a plan file, or every *.plan.json in a folder; idempotent; progress on stderr.") { path, parallel };
        command.SetAction((parse, _) => ImportAsync(parse.GetValue(path)!, parse.GetValue(parallel)));
        return command;
    }

    private static Command GenerateCommand()
    {
        var districts = new Option<int>("--districts") { Description = "how many districts", HelpName = "N", DefaultValueFactory = _ => 100 };
        districts.Validators.Add(result => Range(result, districts, 1, 100_000));
        var output = new Option<string>("--out") { Description = "the folder to write to", HelpName = "DIR", DefaultValueFactory = _ => "province" };
        var seed = new Option<string>("--seed") { Description = "the plan to scale (default: the seed plan shipped with the host)", HelpName = "FILE" };
        var command = new Command("generate", "Write N synthetic district plans scaled from the seed plan.") { districts, output, seed };
        command.SetAction((parse, _) => GenerateAsync(
            parse.GetValue(districts), parse.GetValue(output)!, parse.GetValue(seed) ?? Path.Combine(AppContext.BaseDirectory, "seeds", "ganxian-2017.plan.json")));
        return command;
    }

    private static Command ReindexCommand()
    {
        var planId = new Argument<string>("planId") { Description = "the plan whose projections to rebuild" };
        var command = new Command("reindex", "Rebuild the by-unit and by-due-date projections of a plan from the ledger.") { planId };
        command.SetAction((parse, _) => ReindexAsync(parse.GetValue(planId)!));
        return command;
    }

    private static Command KeysCommand()
    {
        var role = new Option<string>("--role") { Description = "the key's role", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var unit = new Option<string>("--unit") { Description = "the unit a unit key is scoped to (needed with --role unit)", HelpName = "U" };
        var issuePrincipal = new Option<string>("--principal") { Description = "who holds the key (default: the role, or role-unit)", HelpName = "P" };
        var issue = new Command("issue", "Issue an API key (printed once, stored hashed); at most two active keys per principal, so rotation is issue, switch, revoke.")
        {
            role, unit, issuePrincipal,
        };
        issue.Validators.Add(result =>
        {
            if (result.GetValue(role) == Roles.Unit && result.GetResult(unit) is null)
            {
                result.AddError("--role unit needs --unit.");
            }
        });
        issue.SetAction((parse, _) => IssueKeyAsync(parse.GetValue(role)!, parse.GetValue(unit), parse.GetValue(issuePrincipal)));

        var listPrincipal = new Option<string>("--principal") { Description = "whose keys", HelpName = "P", Required = true };
        var list = new Command("list", "A principal's keys by key id (no secrets).") { listPrincipal };
        list.SetAction((parse, _) => ListKeysAsync(parse.GetValue(listPrincipal)!));

        var revokePrincipal = new Option<string>("--principal") { Description = "whose key", HelpName = "P", Required = true };
        var keyId = new Option<string>("--key-id") { Description = "the key id (see keys list)", HelpName = "K", Required = true };
        var revoke = new Command("revoke", "Revoke a key.") { revokePrincipal, keyId };
        revoke.SetAction((parse, _) => RevokeKeyAsync(parse.GetValue(revokePrincipal)!, parse.GetValue(keyId)!));

        return new Command("keys", "Issue, list and revoke API keys.") { issue, list, revoke };
    }

    private static Command SignCommand()
    {
        var body = new Option<string>("--body") { Description = "the webhook body", HelpName = "JSON" };
        var file = new Option<string>("--file") { Description = "a file holding the webhook body", HelpName = "F" };
        var secret = new Option<string>("--secret") { Description = "the signing secret (default: the development secret)", HelpName = "S" };
        var command = new Command("sign", "Print an X-RectifyFlows-Signature header value for a webhook body (valid for 300 s).") { body, file, secret };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(body) is null) == (result.GetResult(file) is null))
            {
                result.AddError("sign needs --body JSON or --file F (one of them).");
            }
        });
        command.SetAction((parse, _) => SignAsync(parse.GetValue(body), parse.GetValue(file), parse.GetValue(secret) ?? DevelopmentWebhookSecret));
        return command;
    }

    /// <summary>Adds an error unless the option's value is in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static void Range(OptionResult result, Option<int> option, int min, int max)
    {
        // Read from the token: a value that is no number at all gets System.CommandLine's own conversion error instead.
        if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && (value < min || value > max))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be from {min} to {max}."));
        }
    }

    private static async Task<int> ImportAsync(string path, int parallel)
    {
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
        return await WithStorageAsync(async services =>
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

    private static async Task<int> GenerateAsync(int districts, string output, string seedFile)
    {
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

    private static Task<int> ReindexAsync(string planId) =>
        WithStorageAsync(async services =>
        {
            var count = await services.GetRequiredService<MeasureProjector>().RebuildPlanAsync(planId, CancellationToken.None);
            Console.WriteLine($"{planId}: projections of {count} measure(s) rebuilt.");
            return 0;
        });

    /// <summary>Who the audit rows of the keys verbs name: the operating-system account that ran the command.</summary>
    internal static string CliActor => "cli:" + Environment.UserName;

    private static Task<int> IssueKeyAsync(string role, string? unit, string? principal)
    {
        principal ??= unit is null ? role : $"{role}-{unit}";
        return WithStorageAsync(async services =>
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

    private static Task<int> ListKeysAsync(string principal) =>
        WithStorageAsync(async services =>
        {
            foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(principal, CancellationToken.None))
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "active";
                Console.WriteLine($"{key.RowKey}  {key.Role,-8} {key.UnitId ?? "-",-16} {key.CreatedAt:yyyy-MM-dd HH:mm}Z  {state}  {key.Label}");
            }

            return 0;
        });

    private static Task<int> RevokeKeyAsync(string principal, string keyId) =>
        WithStorageAsync(async services =>
        {
            var revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(principal, keyId, CliActor, CancellationToken.None);
            await Console.Error.WriteLineAsync(revoked
                ? $"Revoked key {keyId} of {principal}; hosts stop accepting it within RectifyFlows:Auth:CacheSeconds."
                : $"No active key {keyId} for {principal}.");
            return revoked ? 0 : 1;
        });

    private static async Task<int> SignAsync(string? text, string? file, string secret)
    {
        var body = text is not null ? System.Text.Encoding.UTF8.GetBytes(text) : await File.ReadAllBytesAsync(file!);
        Console.WriteLine(RectifyFlows.Domain.Webhooks.WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
        return 0;
    }

    /// <summary>The documented development secret of appsettings.Development.json (never valid outside Development/Fast).</summary>
    private const string DevelopmentWebhookSecret = "dev-webhook-secret";

    /// <summary>Runs <paramref name="work"/> with storage ready (Azurite started if needed, tables created).</summary>
    internal static async Task<int> WithStorageAsync(Func<IServiceProvider, Task<int>> work, Action<IHostApplicationBuilder>? compose = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
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
}
