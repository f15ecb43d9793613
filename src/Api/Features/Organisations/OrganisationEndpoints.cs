using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
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

        api.MapGet("/directory/organisations", async Task<Ok<DirectoryOrganisationsPage>> (
                string? place, string? stage, string? kind, bool? verified, string? q, string? after, int? limit,
                ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListDirectoryOrganisations.Query(place, stage, kind, verified, q, after, limit), cancellationToken)))
            .WithTags("Directory")
            .AllowAnonymous()
            .WithName(nameof(ListDirectoryOrganisations))
            .RequireRateLimiting(RateLimitPolicies.Search)
            .WithSummary("Every organisation with its kind, places, verified badge and current stage per place (community-visible assessments only); filter by place, stage, kind, verified and name")
            .ProducesValidationProblem();

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

        organisations.MapPost("/proposals", async Task<Created<OrganisationDetail>> (
                OrganisationProfileRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var organisation = await sender.Send(new ProposeOrganisation.Command(
                    caller, body.Name, body.Kind, body.Website, body.Description, body.PlaceIds ?? []), cancellationToken);
                return TypedResults.Created($"/api/v1/organisations/{organisation.Slug}", organisation);
            })
            .RequireAuthorization()
            .WithName(nameof(ProposeOrganisation))
            .WithSummary("Propose an organisation: usable at once, with the proposer as its first admin, unverified until an admin verifies it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // One path for the page and its edit (an OpenAPI path is the same whatever its parameter is called): read by slug or id, change by id.
        organisations.MapGet("/{organisation}", async Task<Ok<OrganisationDetail>> (
                string organisation, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetOrganisation.Query(caller, organisation), cancellationToken)))
            .AllowAnonymous()
            .WithName(nameof(GetOrganisation))
            .WithSummary("An organisation's page, by slug (or id): profile, people, journey in each place (as far as the reader may see it), papers and hosted events")
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPut("/{organisation:guid}", async Task<Ok<OrganisationDetail>> (
                Guid organisation, OrganisationProfileRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new EditOrganisation.Command(
                    caller, organisation, body.Name, body.Kind, body.Website, body.Description, body.PlaceIds ?? []), cancellationToken)))
            .RequireAuthorization()
            .WithName(nameof(EditOrganisation))
            .WithSummary("Edit the profile (the organisation's admins, or a site admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        organisations.MapPost("/{organisationId:guid}/verify", async Task<NoContent> (
                Guid organisationId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new VerifyOrganisation.Command(caller, organisationId), cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(VerifyOrganisation))
            .WithSummary("Verify a proposed organisation (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPut("/{organisationId:guid}/members/me", async Task<Ok<MembershipView>> (
                Guid organisationId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ClaimMembership.Command(caller, organisationId), cancellationToken)))
            .RequireAuthorization()
            .WithName(nameof(ClaimMembership))
            .WithSummary("Say you belong to the organisation; one of its admins decides")
            .ProducesProblem(StatusCodes.Status404NotFound);

        organisations.MapPost("/{organisationId:guid}/members/{memberId:guid}/decision", async Task<Ok<MembershipView>> (
                Guid organisationId, Guid memberId, DecideMembershipRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new DecideMembership.Command(caller, organisationId, memberId, body.Approve), cancellationToken)))
            .RequireAuthorization()
            .WithName(nameof(DecideMembership))
            .WithSummary("Approve or decline a member's claim to belong (the organisation's admins, or a moderator)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        organisations.MapPost("/{organisationId:guid}/assessments", async Task<Created<AssessmentView>> (
                Guid organisationId, RecordAssessmentRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var assessment = await sender.Send(new RecordAssessment.Command(caller, organisationId, body), cancellationToken);
                return TypedResults.Created((string?)null, assessment);
            })
            .RequireAuthorization()
            .WithName(nameof(RecordAssessment))
            .WithSummary("Record where the organisation stands in one of its places, stated or guided, or correct an earlier entry (its approved members)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        organisations.MapPost("/{organisationId:guid}/assessments/suggestion", async Task<Ok<StageSuggestionView>> (
                Guid organisationId, SuggestStageRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SuggestStage.Command(caller, organisationId, body.Answers), cancellationToken)))
            .RequireAuthorization()
            .WithName(nameof(SuggestStage))
            .WithSummary("The guided self-assessment's suggested stage for these answers, and what distinguishes the next (its approved members)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
