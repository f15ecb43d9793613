using System.Security.Cryptography.X509Certificates;
using CommunityOfPractice.Api.Data.Seeding;
using CommunityOfPractice.Api.Infrastructure.Authorization;
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
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokens>(PasswordResetTokens.ProviderName);

        // The Api's own cookie only serves its sign-in page during the OIDC authorization flow.
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "cop.identity";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
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

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");

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
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Oidc:AllowHttp"))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();

                // Tokens travel in the Authorization header only (the Web's proxy adds it for the
                // hub), so they never land in URLs and access logs.
                options.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });

        services.Configure<AdminOptions>(configuration.GetSection("Admin"));
        services.Configure<OidcClientOptions>(configuration.GetSection("Oidc"));
        services.AddScoped<AccountFactory>();
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

    private static void AddKeys(OpenIddictServerBuilder options, IConfiguration configuration, IHostEnvironment environment)
    {
        // Production: one PFX shared by every Api instance (deploy/README.md). Development and
        // tests: certificates OpenIddict creates once in the user's certificate store. Outside
        // Development a missing certificate stops the start: silently signing with a certificate
        // of this one machine would sign out everyone at the next deploy, and differ per instance.
        var path = configuration["Oidc:Certificate:Path"];
        if (string.IsNullOrEmpty(path))
        {
            if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Oidc:UseDevelopmentCertificates"))
            {
                throw new InvalidOperationException(
                    "Oidc:Certificate:Path is not set. Outside Development the Api signs tokens with the certificate it names (a PFX shared by every instance; see deploy/README.md). " +
                    "To run on this machine's development certificates anyway, set Oidc:UseDevelopmentCertificates=true.");
            }

            options.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
            return;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Oidc:Certificate:Password"]);
        options.AddEncryptionCertificate(certificate).AddSigningCertificate(certificate);
    }
}
