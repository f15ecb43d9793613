using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Organisations;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapGet("/", async Task<Ok<IReadOnlyList<OrganisationView>>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListOrganisations.Query(), cancellationToken)))
            .AllowAnonymous()
            .WithName(nameof(ListOrganisations))
            .WithSummary("Organisations in the community");

        organisations.MapPost("/", async Task<Created<OrganisationView>> (
                AddOrganisationRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                var organisation = await sender.Send(new AddOrganisation.Command(body.Name, body.Website), cancellationToken);
                return TypedResults.Created((string?)null, organisation);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(AddOrganisation))
            .WithSummary("Add an organisation (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
