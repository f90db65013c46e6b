using Microsoft.AspNetCore.Http;

namespace RectifyFlows.Api.Http;

/// <summary>Query-string reading shared by the handlers, which both hosts call with a plain <see cref="HttpContext"/>.</summary>
public static class QueryValues
{
    /// <summary>The parameter's value, or null when it is absent (an empty value stays empty, so validation can name it).</summary>
    public static string? Value(this IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.TryGetValue(name, out var values) ? values.ToString() : null;
    }
}
