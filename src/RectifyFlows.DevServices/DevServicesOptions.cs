using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.DevServices;

/// <summary>Local services the standalone host starts for itself; bound from <c>RectifyFlows:DevServices</c>.</summary>
public sealed class DevServicesOptions
{
    public const string SectionName = "RectifyFlows:DevServices";

    /// <summary>
    /// Start Azurite when the storage connection string is the emulator's (on the ports it names) and nothing listens
    /// there, and MailDev when nothing listens on the SMTP port.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run <c>npm ci</c> when the packages are missing.</summary>
    public bool InstallPackages { get; set; } = true;

    /// <summary>Folder with the project's package.json; found by walking up from the app when empty.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Azurite's disk persistence, relative to the working directory (gitignored).</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/azurite";

    public bool StartMailDev { get; set; } = true;

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 1025;

    [Range(1, 65535)]
    public int MailDevWebPort { get; set; } = 1080;
}
