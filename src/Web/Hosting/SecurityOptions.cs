using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Hosting;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>HTTPS redirection and HSTS; unset, on everywhere but the Development and Testing environments.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The port HTTP requests are redirected to.</summary>
    [Range(1, 65535)]
    public int HttpsPort { get; set; } = 443;
}
