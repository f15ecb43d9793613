using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// Authentication for every request, with a lean path for hub connections. A connection's request
/// (its WebSocket) lasts as long as the connection, and so does every frame of the middleware above
/// the hub. ASP.NET Core's authentication middleware keeps, in its frame, the request scope it
/// authenticated in: the EF context of the stored-token checks, OpenIddict's per-scope caches and
/// transaction, every handler resolved, and the token's principal of some 40 claims with the parsed
/// token. A hub connection is authenticated here instead, in a scope of its own disposed at once;
/// what it keeps is a principal of the claims the hub reads (<see cref="KeptClaims"/>) and the
/// ticket's expiry, which <c>CloseOnAuthenticationExpiration</c> reads. About 50 KB of resident memory a connection
/// (docs/benchmarks.md). Every other request goes through <c>UseAuthentication</c> as usual.
/// </summary>
public static class LeanHubRequests
{
    // ASP.NET Core adds its authentication middleware in front of everything unless the app's
    // builder says it is in place; UseAuthentication in a branch says so only in the branch.
    private const string AuthenticationSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>What the hub and its filters read of a reader: who, their roles and name, the token's scopes, id and session.</summary>
    private static readonly HashSet<string> KeptClaims = new(StringComparer.Ordinal)
    {
        OpenIddictConstants.Claims.Subject,
        OpenIddictConstants.Claims.Name,
        OpenIddictConstants.Claims.Role,
        OpenIddictConstants.Claims.Private.Scope,
        OpenIddictConstants.Claims.Private.TokenId,
        OpenIddictConstants.Claims.Private.AuthorizationId,
    };

    /// <summary>In place of <c>UseAuthentication</c> and <c>UseAuthorization</c>.</summary>
    public static void UseAuthenticationAndAuthorization(this WebApplication app)
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        app.UseWhen(context => !IsHubConnection(context), branch => branch.UseAuthentication());
        app.UseWhen(IsHubConnection, branch => branch.Use((context, next) => AuthenticateHubConnectionAsync(context, next, scopes)));
        ((IApplicationBuilder)app).Properties[AuthenticationSetKey] = true;

        app.UseAuthorization();

        // Authorized: OpenIddict's transactions (the token, its request) are of no more use, and
        // belong to the scope already disposed. Refused, the challenge above still needed them.
        app.UseWhen(IsHubConnection, branch => branch.Use((context, next) =>
        {
            context.Features.Set<OpenIddictValidationAspNetCoreFeature>(null);
            context.Features.Set<OpenIddictServerAspNetCoreFeature>(null);
            return next(context);
        }));
    }

    /// <summary>Registers the policy evaluator that lets a hub connection's authentication stand.</summary>
    public static void AddLeanHubAuthentication(this IServiceCollection services)
    {
        services.AddTransient<PolicyEvaluator>();
        services.AddTransient<IPolicyEvaluator, ConnectionPolicyEvaluator>();
    }

    // The connection itself (WebSocket, server-sent events, a long poll), not its negotiation.
    // SignalR adds the WebSocket middleware inside its endpoint, so the path is what tells here.
    private static bool IsHubConnection(HttpContext context) =>
        context.Request.Path.Equals(LiveHub.Path, StringComparison.OrdinalIgnoreCase);

    private static async Task AuthenticateHubConnectionAsync(HttpContext context, RequestDelegate next, IServiceScopeFactory scopes)
    {
        // As the authentication middleware does, less what only sign-in endpoints need.
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature
        {
            OriginalPath = context.Request.Path,
            OriginalPathBase = context.Request.PathBase,
        });

        // In a method of its own: what this frame holds, it holds for the connection's life.
        if (await AuthenticateInScopeOfItsOwnAsync(context, scopes) is not { } result)
        {
            return;
        }

        // Authorization asks for the token's scheme by name; it hears this result (ConnectionPolicyEvaluator).
        context.Features.Set(new HubConnectionAuthentication(result));
        if (result.Succeeded)
        {
            var authenticated = new LeanAuthentication(result);
            context.Features.Set<IHttpAuthenticationFeature>(authenticated);
            context.Features.Set<IAuthenticateResultFeature>(authenticated);
        }

        await next(context);
    }

    /// <summary>The connection's authentication, made lean; null when a handler answered the request itself (OpenIddict refusing it).</summary>
    private static async Task<AuthenticateResult?> AuthenticateInScopeOfItsOwnAsync(HttpContext context, IServiceScopeFactory scopes)
    {
        var requestServices = context.Features.Get<IServiceProvidersFeature>();
        await using var scope = scopes.CreateAsyncScope();
        context.Features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = scope.ServiceProvider });
        try
        {
            // OpenIddict reads the request first (its handlers are request handlers), as in the middleware.
            var schemes = scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>();
            var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
            foreach (var scheme in await schemes.GetRequestHandlerSchemesAsync())
            {
                if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync())
                {
                    return null;
                }
            }

            var result = await context.AuthenticateAsync();
            return result is { Succeeded: true, Ticket: { } ticket } ? AuthenticateResult.Success(Lean(ticket)) : result;
        }
        finally
        {
            context.Features.Set(requestServices);
        }
    }

    private static AuthenticationTicket Lean(AuthenticationTicket ticket)
    {
        var identity = ticket.Principal.Identity as ClaimsIdentity;
        var claims = ticket.Principal.Claims
            .Where(claim => KeptClaims.Contains(claim.Type))
            .Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer));
        var lean = new ClaimsIdentity(claims, identity?.AuthenticationType,
            identity?.NameClaimType ?? ClaimsIdentity.DefaultNameClaimType, identity?.RoleClaimType ?? ClaimsIdentity.DefaultRoleClaimType);
        var properties = new AuthenticationProperties { IssuedUtc = ticket.Properties.IssuedUtc, ExpiresUtc = ticket.Properties.ExpiresUtc };
        return new AuthenticationTicket(new ClaimsPrincipal(lean), properties, ticket.AuthenticationScheme);
    }

    /// <summary>What a hub connection's own authentication found.</summary>
    private sealed record HubConnectionAuthentication(AuthenticateResult Result);

    /// <summary>
    /// The policies name the token's scheme, so authorization authenticates again in the request's
    /// scope; for a hub connection it takes what <see cref="AuthenticateHubConnectionAsync"/> found.
    /// </summary>
    private sealed class ConnectionPolicyEvaluator(PolicyEvaluator inner) : IPolicyEvaluator
    {
        public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context) =>
            context.Features.Get<HubConnectionAuthentication>() is { } connection
                ? Task.FromResult(connection.Result)
                : inner.AuthenticateAsync(policy, context);

        public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
            inner.AuthorizeAsync(policy, authenticationResult, context, resource);
    }

    /// <summary>Who the connection is and how they were authenticated, as the authentication middleware records it.</summary>
    private sealed class LeanAuthentication(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        private AuthenticateResult? _result = result;
        private ClaimsPrincipal? _user = result.Principal;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        public ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }
    }
}
