using CommunityOfPractice.Api.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommunityOfPractice.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares what authorization answers, from the endpoint's own metadata so it cannot drift:
/// 401 on every endpoint that needs a token, 403 where a role applies (the default member policy
/// included: an applicant is not approved yet), and no security
/// requirement on public ones. Errors that depend on the use case (400, 404, 409, …) are declared
/// on each endpoint with <c>ProducesProblem</c>.
/// </summary>
internal sealed class AuthorizationResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the token was not issued for this Api." });
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy != Policies.SignedIn))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in without the role this needs (or not approved yet)." });
        }

        return Task.CompletedTask;
    }
}
