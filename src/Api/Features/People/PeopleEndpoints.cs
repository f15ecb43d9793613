using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.People;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/people").WithTags("People").RequireAuthorization();

        members.MapGet("/", async Task<Ok<MemberProfile>> (string handle, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new FindMemberByHandle.Query(handle), cancellationToken)))
            .WithName(nameof(FindMemberByHandle))
            .WithSummary("The member a handle names, e.g. ?handle=amara-okafor")
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapGet("/{memberId:guid}", async Task<Ok<MemberProfile>> (Guid memberId, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetMember.Query(memberId), cancellationToken)))
            .WithName(nameof(GetMember))
            .WithSummary("A member's profile as other members see it (no e-mail address)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Members-only: listing is consent to be seen by the community, not by the whole web.
        api.MapGet("/directory/people", async Task<Ok<DirectoryMembersPage>> (
                string? place, string? stage, string? kind, string? organisation, string? q, string? after, int? limit,
                ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListDirectoryPeople.Query(place, stage, kind, organisation, q, after, limit), cancellationToken)))
            .WithTags("Directory")
            .RequireAuthorization()
            .WithName(nameof(ListDirectoryPeople))
            .RequireRateLimiting(RateLimitPolicies.Search)
            .WithSummary("Members who chose to be listed, with the details they chose to show; filter by place, stage, organisation kind, organisation (slugs and names) and name")
            .ProducesValidationProblem();

        var people = api.MapGroup("/admin/people").WithTags("Admin").RequireAuthorization(Policies.Admin);

        people.MapGet("/", async Task<Ok<PeoplePage>> (
                string? search, string? after, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPeople.Query(search, after, limit), cancellationToken)))
            .WithName(nameof(ListPeople))
            .RequireRateLimiting(RateLimitPolicies.Search)
            .WithSummary("People in the community, by name, with their roles (admin)")
            .ProducesValidationProblem();

        people.MapPut("/{personId:guid}/roles/{role}", (Guid personId, string role, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new ChangeRole.Command(caller, personId, role, Grant: true), cancellationToken)))
            .WithName("GrantRole")
            .WithSummary("Grant a role (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapDelete("/{personId:guid}/roles/{role}", (Guid personId, string role, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new ChangeRole.Command(caller, personId, role, Grant: false), cancellationToken)))
            .WithName("RevokeRole")
            .WithSummary("Revoke a role (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapSuspension(people);
    }

    private static void MapSuspension(RouteGroupBuilder people)
    {
        people.MapPost("/{personId:guid}/suspension", (Guid personId, SuspendRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new SuspendMember.Command(caller, personId, body.Reason ?? string.Empty), cancellationToken)))
            .WithName(nameof(SuspendMember))
            .WithSummary("Suspend a member, saying why: their sessions end at once and they cannot sign in (admin)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapDelete("/{personId:guid}/suspension", (Guid personId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                NoContentAsync(sender.Send(new ReinstateMember.Command(caller, personId), cancellationToken)))
            .WithName(nameof(ReinstateMember))
            .WithSummary("Lift a member's suspension (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<NoContent> NoContentAsync(ValueTask<Unit> sent)
    {
        await sent;
        return TypedResults.NoContent();
    }
}
