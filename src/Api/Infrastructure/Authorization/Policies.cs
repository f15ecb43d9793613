using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace CommunityOfPractice.Api.Infrastructure.Authorization;

/// <summary>
/// The named authorization policies. Each one is a signed-in person with a token issued for this
/// Api (scope "api") plus, for the role policies, one of the roles. The default policy
/// (<c>RequireAuthorization()</c> with no name) is <see cref="Member"/>: an approved member, who
/// holds the "member" role. <see cref="SignedIn"/> is what an applicant waiting for approval may
/// use: their own profile and join request. Rules that depend on the thing asked about (the
/// event's host, the post's author) live in each area's access file.
/// </summary>
public static class Policies
{
    public const string Member = "member";
    public const string SignedIn = "signed-in";
    public const string Admin = "admin";
    public const string Moderator = "moderator";
    public const string Publisher = "publisher";
    public const string Host = "host";

    public static void AddPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApplicantAuthorizationResultHandler>();
        var member = MemberPolicy().RequireRole(Roles.Member).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(member)
            .AddPolicy(Member, member)
            .AddPolicy(SignedIn, MemberPolicy().Build())
            .AddPolicy(Admin, MemberPolicy().RequireRole(Roles.Admin).Build())
            .AddPolicy(Moderator, MemberPolicy().RequireRole(Roles.Moderator, Roles.Admin).Build())
            .AddPolicy(Publisher, MemberPolicy().RequireRole(Roles.Funder, Roles.Host, Roles.Admin).Build())
            .AddPolicy(Host, MemberPolicy().RequireRole(Roles.Host, Roles.Admin).Build());
    }

    // Not just any token from this server (one asked for with scope=openid alone): one for this Api.
    private static AuthorizationPolicyBuilder MemberPolicy() =>
        new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(IdentitySetup.ApiScope));
}
