using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/admin/audit").WithTags("Admin").RequireAuthorization(Policies.Admin);

        audit.MapGet("/", async Task<Ok<AuditPage>> (
                Guid? person, string? action, Guid? before, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListAuditEntries.Query(person, action, before, limit), cancellationToken)))
            .WithName(nameof(ListAuditEntries))
            .WithSummary("The audit log of moderation, role changes, suspensions and deletions, newest first; filter by person (who acted or whom it concerned) and action (admin)")
            .ProducesValidationProblem();
    }
}
