using System.Security.Cryptography;
using System.Text.Json;

namespace RectifyFlows.Storage;

/// <summary>Content hashes that let an import recognise what it has already written.</summary>
internal static class Fingerprints
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, Options)));
}
