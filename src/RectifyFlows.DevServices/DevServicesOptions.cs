using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.DevServices;

/// <summary>Local services the standalone host starts for itself; bound from <c>RectifyFlows:DevServices</c>.</summary>
public sealed class DevServicesOptions
{
    public const string SectionName = "RectifyFlows:DevServices";

    /// <summary>Start Azurite/MailDev when development storage is configured and nothing listens on their ports.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run <c>npm ci</c> when the packages are missing.</summary>
    public bool InstallPackages { get; set; } = true;

    /// <summary>Folder with the project's package.json; found by walking up from the app when empty.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Azurite's disk persistence, relative to the working directory (gitignored).</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/azurite";

    [Range(1, 65535)]
    public int BlobPort { get; set; } = 10000;

    [Range(1, 65535)]
    public int QueuePort { get; set; } = 10001;

    [Range(1, 65535)]
    public int TablePort { get; set; } = 10002;

    public bool StartMailDev { get; set; } = true;

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 1025;

    [Range(1, 65535)]
    public int MailDevWebPort { get; set; } = 1080;
}
