using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RectifyFlows.Notifications.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 that stands in for a cloud service (Twilio, an SMS gateway, WeCom, DingTalk): the
/// handler checks the wire format and answers like the service. Wire-format violations are collected in
/// <see cref="Violations"/> and answered 400, so a test fails on them even when the dispatcher only retries.
/// </summary>
internal sealed class LocalHttpService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpService(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:{port} (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Requests that passed the checks, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Accepted { get; } = new();

    /// <param name="handle">Returns the problems it found (empty when the request is well-formed) and the reply to send.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalHttpService> StartAsync(
        Func<RecordedRequest, (IReadOnlyList<string> Problems, int Status, string Json)> handle, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalHttpService? service = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new RecordedRequest(
                context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType, body);
            var (problems, status, json) = handle(request);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    service!.Violations.Enqueue(problem);
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync(string.Join("; ", problems), context.RequestAborted);
                return;
            }

            service!.Accepted.Enqueue(request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        service = new LocalHttpService(app, new Uri(address.TrimEnd('/')));
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the local service received it.</summary>
internal sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
