using System.Security.Cryptography.X509Certificates;
using CommunityOfPractice.Api.Data.Seeding;
using CommunityOfPractice.Api.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityOfPractice.Api.Identity;

public static class IdentitySetup
{
    public const string ApiScope = "api";

    public static void AddIdentityAndOidcServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The sign-in page's cookie (and Identity's tokens) are protected with these keys; several
        // Api replicas must share them, through DataProtection:KeysPath on a shared volume.
        var dataProtection = services.AddDataProtection().SetApplicationName("CommunityOfPractice.Api");
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // Failed passwords slow the next attempt (SignInThrottle) instead of locking the
                // account, which let anyone who knew an address keep its owner out (ADR 0012).
                // Sign-ins never pass lockoutOnFailure, so only a deliberately set LockoutEnd locks.
                options.SignIn.RequireConfirmedEmail = configuration.GetValue<bool>("Identity:RequireConfirmedEmail");
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokens.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<SignInClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokens>(PasswordResetTokens.ProviderName);

        // The Api's own cookie only serves its sign-in page during the OIDC authorization flow.
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cop.identity";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.Events.OnValidatePrincipal = RefuseEndedSignInAsync;
        });

        // Everything else (endpoints, hub) authenticates bearer tokens from the OIDC server.
        services.AddAuthentication(options =>
        {
            options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultAuthenticateScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultForbidScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        });
        // Every endpoint and the hub want a token issued for this Api; see Policies.
        services.AddPolicies();
        // A hub connection authenticates in a scope of its own (LeanHubRequests).
        services.AddLeanHubAuthentication();

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");

                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowPasswordFlow();

                // Refresh tokens are opaque references (small, revocable in the database); access
                // tokens are signed, not encrypted: only this Api reads them, and the Web keeps both
                // in its cookie, which must stay small enough for proxies' header limits.
                options.UseReferenceRefreshTokens();
                options.DisableAccessTokenEncryption();

                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, ApiScope);
                options.SetAccessTokenLifetime(configuration.GetValue("Oidc:AccessTokenLifetime", TimeSpan.FromMinutes(15)));
                options.SetRefreshTokenLifetime(TimeSpan.FromDays(14));

                AddKeys(options, configuration, builder.Environment);

                // Behind a proxy or in compose the Api is reached under several names; tokens
                // name the one people and scripts use.
                if (Uri.TryCreate(configuration["Api:PublicUrl"], UriKind.Absolute, out var issuer))
                {
                    options.SetIssuer(issuer);
                }

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Oidc:AllowHttp"))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();

                // Every access token is checked against its stored entry and its session (one
                // indexed read each): a session ended by signing out, a suspension or a deletion
                // stops at its next request instead of running on until the token expires.
                options.EnableTokenEntryValidation();
                options.EnableAuthorizationEntryValidation();

                // Tokens travel in the Authorization header only (the Web's proxy adds it for the
                // hub), so they never land in URLs and access logs.
                options.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        services.Configure<AdminOptions>(configuration.GetSection("Admin"));
        services.Configure<OidcClientOptions>(configuration.GetSection("Oidc"));
        services.AddScoped<AccountFactory>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<TokenPrincipalFactory>();
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddScoped<SignInThrottle>();
        services.AddHostedService<SignInAttemptSweeper>();
        services.AddSingleton<RememberedDevices>();
        services.AddScoped<ISeeder, ReferenceDataSeeder>();
        services.AddScoped<ISeeder, OidcClientSeeder>();
        services.AddScoped<ISeeder, AdminSeeder>();
        services.AddRazorPages();
    }

    // Identity's own check (the security stamp) first; then: not signed out since, not suspended.
    private static async Task RefuseEndedSignInAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(context.Principal) is not { } user
            || !SignInSessions.CookieStillStands(user, SignInClaimsFactory.SignedInAt(context.Principal)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static void AddKeys(OpenIddictServerBuilder options, IConfiguration configuration, IHostEnvironment environment)
    {
        // Production: two PFX files shared by every Api instance, one key that signs tokens and
        // another that encrypts them (deploy/README.md), so that neither key does both jobs.
        // Development and tests: certificates OpenIddict creates once in the user's certificate
        // store. Outside Development missing certificates stop the start: silently signing with a
        // certificate of this one machine would sign out everyone at the next deploy, and differ
        // per instance.
        if (!string.IsNullOrEmpty(configuration["Oidc:Certificate:Path"]))
        {
            throw new InvalidOperationException(
                "Oidc:Certificate:Path names one certificate for both signing and encrypting tokens. Use two: set Oidc:SigningCertificate:Path " +
                "and Oidc:EncryptionCertificate:Path (with their :Password), made by deploy/make-oidc-certificate.sh.");
        }

        var signingPath = configuration["Oidc:SigningCertificate:Path"];
        var encryptionPath = configuration["Oidc:EncryptionCertificate:Path"];
        if (string.IsNullOrEmpty(signingPath) && string.IsNullOrEmpty(encryptionPath))
        {
            if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Oidc:UseDevelopmentCertificates"))
            {
                throw new InvalidOperationException(
                    "Oidc:SigningCertificate:Path and Oidc:EncryptionCertificate:Path are not set. Outside Development the Api signs and encrypts tokens with the " +
                    "certificates they name (two PFX files shared by every instance; see deploy/README.md). " +
                    "To run on this machine's development certificates anyway, set Oidc:UseDevelopmentCertificates=true.");
            }

            options.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            return;
        }

        if (string.IsNullOrEmpty(signingPath) || string.IsNullOrEmpty(encryptionPath))
        {
            throw new InvalidOperationException(
                $"Only one of Oidc:SigningCertificate:Path and Oidc:EncryptionCertificate:Path is set; set {(string.IsNullOrEmpty(signingPath) ? "Oidc:SigningCertificate:Path" : "Oidc:EncryptionCertificate:Path")} too.");
        }

        var signing = X509CertificateLoader.LoadPkcs12FromFile(signingPath, configuration["Oidc:SigningCertificate:Password"]);
        var encryption = X509CertificateLoader.LoadPkcs12FromFile(encryptionPath, configuration["Oidc:EncryptionCertificate:Password"]);
        if (signing.GetPublicKey().AsSpan().SequenceEqual(encryption.GetPublicKey()))
        {
            throw new InvalidOperationException(
                "Oidc:SigningCertificate:Path and Oidc:EncryptionCertificate:Path hold the same key. Signing and encrypting need separate keys: make two certificates.");
        }

        options.AddSigningCertificate(signing).AddEncryptionCertificate(encryption);
    }
}
