using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Storage;

/// <summary>Where the ledger lives; bound from <c>RectifyFlows:Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "RectifyFlows:Storage";

    /// <summary>"UseDevelopmentStorage=true" (Azurite) in development; a real connection string in production.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Table endpoint for managed identity (<c>https://{account}.table.core.windows.net</c>); when set, the
    /// connection string is ignored and DefaultAzureCredential is used.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table name, so tests and several environments can share one account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>How many times an update that lost an ETag race is retried before it is reported as a conflict.</summary>
    [Range(1, 100)]
    public int ConcurrencyRetries { get; set; } = 20;

    /// <summary>
    /// How old the in-memory unit directory (the intake's "does this unit exist") may grow before it is reloaded in
    /// the background. This process's own writes show at once; this bounds how long a unit another process removed
    /// is still taken for existing. Units another process added are found at once (a miss is confirmed by a read).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnitDirectoryRefresh { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TableServiceUri is null && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Set RectifyFlows:Storage:ConnectionString or RectifyFlows:Storage:TableServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        }
    }
}
