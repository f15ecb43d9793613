using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Organisations;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapGet("/", async Task<Ok<IReadOnlyList<OrganisationDto>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListOrganisations.Query(), cancellationToken)))
            .AllowAnonymous()
            .WithSummary("Organisations in the community");

        organisations.MapPost("/", async Task<Created<OrganisationDto>> (
                AddOrganisation.Command command, ISender sender, CancellationToken cancellationToken) =>
            {
                var organisation = await sender.Send(command, cancellationToken);
                return TypedResults.Created((string?)null, organisation);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Add an organisation (admin)")
            .ProducesValidationProblem();
    }
}
