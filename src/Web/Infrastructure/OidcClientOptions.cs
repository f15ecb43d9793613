namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>The Web's registration at the Api's OIDC server (<c>Oidc</c> section).</summary>
public sealed class OidcClientOptions
{
    public const string Section = "Oidc";

    public string ClientId { get; set; } = "cop-web";

    /// <summary>Shared with the Api (its <c>Oidc:WebClientSecret</c>); required outside Development.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Defaults to HTTPS-only outside Development; set false only behind a trusted internal network.</summary>
    public bool? RequireHttpsMetadata { get; set; }
}
