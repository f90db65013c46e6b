using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RectifyFlows.Api.Http;

/// <summary>
/// An uploaded workbook (the ledger or the projects ledger): the raw .xlsx body, or the first file of a multipart form
/// (the dashboard's upload form), read to at most <c>maxBytes</c> so a huge upload is refused before it is buffered.
/// </summary>
public static class XlsxUpload
{
    public static async Task<(byte[]? File, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, string missingFileMessage)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = $"the file is larger than {maxBytes / 1024 / 1024} MB.";
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.Validation("file", tooLarge));
        }

        Stream source;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.Files.Count == 0)
            {
                return (null, Problems.Validation("file", missingFileMessage));
            }

            source = form.Files[0].OpenReadStream();
        }
        else
        {
            source = request.Body;
        }

        await using (source)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, Problems.Validation("file", tooLarge));
                }
            }

            return buffer.Length == 0 ? (null, Problems.Validation("file", "the request body is empty.")) : (buffer.ToArray(), null);
        }
    }

    /// <summary>
    /// The 400 for a workbook with problems, one entry per cell (<c>H5</c>): nothing of it was written.
    /// <paramref name="file"/> and <paramref name="nothingWritten"/> name the workbook and what was kept back, in Chinese.
    /// </summary>
    public static IResult Rejected(IEnumerable<KeyValuePair<string, string[]>> errors, string file, string nothingWritten)
    {
        var all = errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return Problems.Validation(all,
            string.Create(CultureInfo.InvariantCulture, $"{file}有 {all.Values.Sum(v => v.Length)} 处问题，{nothingWritten}。"));
    }
}
