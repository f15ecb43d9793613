using CommunityOfPractice.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CommunityOfPractice.Api.Infrastructure.Authorization;

/// <summary>
/// A 403 that says why when the person is an applicant (signed in, not approved yet), so pages
/// and scripts can tell "not yet a member" from "not your role". Everything else is the default.
/// </summary>
internal sealed class ApplicantAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && !context.User.IsInRole(Roles.Member))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Members only",
                    Detail = "This is for members of the community. Your request to join has not been approved yet.",
                },
            });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
