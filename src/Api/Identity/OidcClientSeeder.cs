using CommunityOfPractice.Api.Data.Seeding;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Identity;

public sealed class OidcClientOptions
{
    /// <summary>Client secret of the Web (backend-for-frontend); required outside Development.</summary>
    public string? WebClientSecret { get; set; }
}

/// <summary>
/// Registers the two first-party clients: the Web (confidential, authorization code + PKCE) and
/// the CLI client for members' scripts (public, password and refresh-token grants). The Web's
/// redirect addresses follow Web:BaseUrl, so they are updated when the Web moves port.
/// </summary>
internal sealed class OidcClientSeeder(
    IOpenIddictApplicationManager applications,
    IConfiguration configuration,
    IOptions<OidcClientOptions> options) : ISeeder
{
    public const string WebClientId = "cop-web";
    public const string CliClientId = "cop-cli";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await UpsertAsync(WebClient(), cancellationToken);
        await UpsertAsync(CliClient(), cancellationToken);
    }

    private OpenIddictApplicationDescriptor WebClient()
    {
        var secret = options.Value.WebClientSecret
            ?? throw new InvalidOperationException("Oidc:WebClientSecret is not set (see deploy/README.md).");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Community of Practice (web)",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + IdentitySetup.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        var baseUrls = (configuration["Web:BaseUrl"] ?? "http://localhost:5080")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var baseUrl in baseUrls)
        {
            var root = baseUrl.TrimEnd('/');
            descriptor.RedirectUris.Add(new Uri($"{root}/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri($"{root}/signout-callback-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri($"{root}/"));
        }

        return descriptor;
    }

    private static OpenIddictApplicationDescriptor CliClient() => new()
    {
        ClientId = CliClientId,
        ClientType = ClientTypes.Public,
        DisplayName = "Community of Practice (scripts and command line)",
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.Password,
            Permissions.GrantTypes.RefreshToken,
            Permissions.Scopes.Email,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Roles,
            Permissions.Prefixes.Scope + IdentitySetup.ApiScope,
        },
    };

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
