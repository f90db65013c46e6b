using RectifyFlows.Domain.Configuration;
using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Notifications.Email;

/// <summary>The SMTP relay (<c>RectifyFlows:Notifications:Smtp</c>); secrets come from configuration or Key Vault.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Upgrade with STARTTLS (required when set; port 587).</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>TLS from the first byte (port 465). Exclusive with <see cref="UseStartTls"/>.</summary>
    public bool UseTls { get; set; }

    /// <summary>Authenticate when set.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>dudao@ganxian.gov.cn</c>.</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "整改督办系统";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries (Polly, exponential with jitter) of connect and authenticate within one pass.</summary>
    [Range(0, 10)]
    public int ConnectRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A relay, a sender and, with a user name, a password that is not an unresolved Key Vault reference
    /// (<see cref="ConfiguredSecret"/>). Without it the email channel is off and mail waits in the outbox.
    /// </summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From)
        && (string.IsNullOrEmpty(UserName) || ConfiguredSecret.IsSet(Password));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UseStartTls && UseTls)
        {
            yield return new ValidationResult("Set UseStartTls or UseTls, not both.", [nameof(UseStartTls), nameof(UseTls)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Password is required with UserName.", [nameof(Password)]);
        }
    }
}
