using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>
/// Backend-for-frontend sign-in: the browser holds only an encrypted session cookie; the OIDC
/// tokens from the Api live inside it (SaveTokens) and never reach scripts.
/// </summary>
public static class SignInSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = "oidc";
    public const string AdminPolicy = "Admin";
    public const string ModeratorPolicy = "Moderator";

    /// <summary>Where an applicant waiting for approval lands after signing in: their join request's status.</summary>
    public const string JoinRequestPath = "/account/join-request";

    /// <summary>A challenge parameter (not stored in the state) that becomes the OIDC login_hint.</summary>
    public const string LoginHintParameter = "login_hint";

    public static void AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var isDevelopment = builder.Environment.IsDevelopment();
        var cookieSecurity = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddOptions<OidcClientOptions>().BindConfiguration(OidcClientOptions.Section)
            .Validate(o => isDevelopment || !string.IsNullOrWhiteSpace(o.ClientSecret),
                "Oidc:ClientSecret is not set; the Web cannot sign people in without it.")
            .ValidateOnStart();

        AddDataProtection(builder);

        AddSessionStore(builder);
        services.AddSingleton<TokenRefresher>();
        services.AddScoped<SessionCookieEvents>();
        services.AddHttpClient(TokenRefresher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "cop.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookieSecurity;
                options.SlidingExpiration = true;
                options.LoginPath = "/Account/SignIn";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.ReturnUrlParameter = "ReturnUrl";
                options.EventsType = typeof(SessionCookieEvents);
            })
            .AddOpenIdConnect(OidcScheme, options =>
            {
                options.SignInScheme = CookieScheme;
                options.SignOutScheme = CookieScheme;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back on a top-level GET redirect: SameSite=Lax cookies travel with it,
                // and no auto-posting form page (an inline script) is needed on the Api.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access", "api" })
                {
                    options.Scope.Add(scope);
                }

                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.SignedOutRedirectUri = "/";
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = cookieSecurity;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = cookieSecurity;
                options.Events.OnRedirectToIdentityProvider = SignInAtApiAsync;
                options.Events.OnRedirectToIdentityProviderForSignOut = SignOutAtApiAsync;
                options.Events.OnRemoteFailure = SignInFailedAsync;
                options.Events.OnTicketReceived = KeepOnlyApiTokensAsync;
            });

        // Values that come from configuration are applied when the options are first used, so that
        // tests (and hosts) can change them after this method has run.
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<ServerSideSessions, IOptions<SessionOptions>>((cookie, sessions, session) =>
            {
                cookie.SessionStore = sessions;
                cookie.ExpireTimeSpan = session.Value.IdleTimeout;
            });
        services.AddOptions<OpenIdConnectOptions>(OidcScheme)
            .Configure<IOptions<ApiOptions>, IOptions<OidcClientOptions>>((options, api, client) =>
            {
                options.Authority = api.Value.BaseUrl.ToString();
                options.ClientId = client.Value.ClientId;
                options.ClientSecret = client.Value.ClientSecret;
                options.RequireHttpsMetadata = client.Value.RequireHttpsMetadata ?? !isDevelopment;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("admin"))
            .AddPolicy(ModeratorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("moderator", "admin"));
    }

    /// <summary>
    /// Session records (<see cref="ServerSideSessions"/>) live in Redis when Redis:Configuration is
    /// set, so that every Web instance finds them; one instance keeps them in memory.
    /// </summary>
    private static void AddSessionStore(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteLifetime > TimeSpan.Zero, "Session:IdleTimeout and Session:AbsoluteLifetime must be positive.")
            .ValidateOnStart();
        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            builder.Services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = "cop:";
            });
        }
        else
        {
            builder.Services.AddDistributedMemoryCache();
        }

        builder.Services.AddSingleton<ServerSideSessions>();
    }

    /// <summary>
    /// Data-protection keys encrypt the session records. Several Web instances must share them:
    /// set DataProtection:KeysPath to a shared volume (the container image keeps them in the app's home).
    /// </summary>
    private static void AddDataProtection(WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("CommunityOfPractice.Web");
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
    }

    // A person who has just joined gets their email address filled in on the Api's sign-in page.
    private static Task SignInAtApiAsync(RedirectContext context)
    {
        UseBrowserFacingApi(context);
        if (context.Properties.GetParameter<string>(LoginHintParameter) is { Length: > 0 } loginHint)
        {
            context.ProtocolMessage.LoginHint = loginHint;
        }

        return Task.CompletedTask;
    }

    // No id_token_hint is kept (see KeepOnlyApiTokensAsync): client_id tells the Api whose post-logout address this is.
    private static Task SignOutAtApiAsync(RedirectContext context)
    {
        UseBrowserFacingApi(context);
        context.ProtocolMessage.ClientId = context.Options.ClientId;
        return Task.CompletedTask;
    }

    // The handler learns endpoints from the metadata fetched over Api:BaseUrl; browsers may need Api:PublicUrl.
    private static void UseBrowserFacingApi(RedirectContext context)
    {
        var api = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        if (api.PublicUrl is { } publicUrl && context.ProtocolMessage.IssuerAddress is { } address)
        {
            var internalRoot = api.BaseUrl.GetLeftPart(UriPartial.Authority);
            if (address.StartsWith(internalRoot, StringComparison.OrdinalIgnoreCase))
            {
                context.ProtocolMessage.IssuerAddress = publicUrl.GetLeftPart(UriPartial.Authority) + address[internalRoot.Length..];
            }
        }
    }

    /// <summary>
    /// The session cookie carries the access and refresh tokens (the Web needs them) but not the
    /// id_token (~1.3 KB it would only use as a hint at sign-out; client_id identifies the Web there).
    /// </summary>
    private static Task KeepOnlyApiTokensAsync(TicketReceivedContext context)
    {
        if (context.Properties is { } properties)
        {
            properties.StoreTokens(properties.GetTokens().Where(t => t.Name != "id_token").ToList());
        }

        // Not approved yet (no member role): the status of their join request comes first.
        if (context.Principal?.IsInRole("member") == false)
        {
            context.ReturnUri = JoinRequestPath;
        }

        return Task.CompletedTask;
    }

    // A cancelled sign-in, an expired correlation cookie or a refused code: a friendly page, not a 500.
    private static Task SignInFailedAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInSetup));
        logger.LogWarning(context.Failure, "Signing in through the Api failed");
        context.Response.Redirect(context.Request.PathBase + "/Account/SignInFailed");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
