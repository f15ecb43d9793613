namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>Where the Api lives: <c>Api:BaseUrl</c> for server-to-server calls, <c>Api:PublicUrl</c> for browsers.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The Api as this server reaches it (typed client, token endpoint, OIDC metadata, hub proxy).</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:5081");

    /// <summary>
    /// The Api as browsers reach it (sign-in page, end session), when that differs from
    /// <see cref="BaseUrl"/>, e.g. in a container network. Defaults to <see cref="BaseUrl"/>.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    public Uri BrowserUrl => PublicUrl ?? BaseUrl;

    /// <summary>The scheme, host and port browsers send forms to on the Api's sign-in and sign-out pages.</summary>
    public string BrowserOrigin => BrowserUrl.GetLeftPart(UriPartial.Authority);
}
