using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.People;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/people").WithTags("People").RequireAuthorization();
        members.MapGet("/", async Task<Ok<MemberProfile>> (string handle, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new FindMemberByHandle.Query(handle), cancellationToken)))
            .WithSummary("The member a handle names, e.g. ?handle=amara-okafor");
        members
            .MapGet("/{memberId:guid}", async Task<Ok<MemberProfile>> (Guid memberId, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetMember.Query(memberId), cancellationToken)))
            .WithSummary("A member's profile as other members see it (no e-mail address)");

        var people = api.MapGroup("/admin/people").WithTags("Admin")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        people.MapGet("/", async Task<Ok<PeoplePage>> (
                string? search, string? after, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListPeople.Query(search, after, limit), cancellationToken)))
            .WithSummary("People in the community, by name, with their roles (admin)");

        people.MapPut("/{personId:guid}/roles/{role}", (Guid personId, string role, ClaimsPrincipal admin, ISender sender, CancellationToken cancellationToken) =>
                ChangeAsync(new ChangeRole.Command(admin.MemberId(), personId, role, Grant: true), sender, cancellationToken))
            .WithSummary("Grant a role (admin)");

        people.MapDelete("/{personId:guid}/roles/{role}", (Guid personId, string role, ClaimsPrincipal admin, ISender sender, CancellationToken cancellationToken) =>
                ChangeAsync(new ChangeRole.Command(admin.MemberId(), personId, role, Grant: false), sender, cancellationToken))
            .WithSummary("Revoke a role (admin)");
    }

    private static async Task<NoContent> ChangeAsync(ChangeRole.Command command, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }
}
