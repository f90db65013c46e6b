using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace RectifyFlows.Api.Dashboard;

/// <summary>
/// The dashboard's files, embedded in this dll (<c>Dashboard/Assets</c>), served the same way by both hosts: with
/// their content type, a strong ETag (a 304 for a current copy), and the security headers the pages rely on.
/// </summary>
public static class DashboardAssets
{
    // The pages run only their own scripts and call only this host's API. Inline styles are allowed because a report
    // opened from the dashboard (fetched with the key, shown from a blob: URL) inherits this policy and carries its own
    // <style>; the pages insert data as text, never as markup, so there is nothing to inject styles through.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string ResourcePrefix = "RectifyFlows.Api.Dashboard.Assets.";

    private static readonly Lazy<FrozenDictionary<string, Asset>> Files = new(Load);

    /// <summary>The file names, as a page links them (<c>app.js</c>, <c>public.html</c>, …).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys;

    /// <summary><c>/dashboard/</c> serves the index page; <c>/dashboard</c> redirects there, so the pages' relative links resolve.</summary>
    public static IResult Index(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.PathBase.Add(request.Path).Value ?? string.Empty;
        return path.EndsWith('/') ? Serve("index.html") : TypedResults.Redirect(path + "/" + request.QueryString);
    }

    public static IResult Serve(string name) =>
        Files.Value.TryGetValue(name, out var asset) ? new AssetResult(asset) : TypedResults.NotFound();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var contentType = types.TryGetContentType(name, out var type) ? type : "application/octet-stream";
            files[name] = new Asset(bytes, contentType, new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\""));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

    /// <summary>The file with its headers; a request that already holds this version gets 304 and no body.</summary>
    private sealed class AssetResult(Asset asset) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // Small files that change with each release: always revalidate so a new build is seen at once.
            headers.CacheControl = "no-cache";
            headers.ETag = asset.ETag.ToString();
            var held = httpContext.Request.GetTypedHeaders().IfNoneMatch;
            if (held.Any(tag => tag.Compare(asset.ETag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
            {
                httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = asset.ContentType;
            httpContext.Response.ContentLength = asset.Content.Length;
            return httpContext.Response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).AsTask();
        }
    }
}
