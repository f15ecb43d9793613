using CommunityOfPractice.Api.Infrastructure.Audit;
namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>A site admin confirms a proposed organisation is real; its page stops saying "unverified".</summary>
public static class VerifyOrganisation
{
    public sealed record Command(Caller Caller, Guid OrganisationId) : ICommand, ITransactional;

    internal sealed class Handler(AppDbContext db, AuditLog audit) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken)
                ?? throw new NotFoundException("There is no such organisation.");
            if (!organisation.IsVerified)
            {
                audit.Record(command.Caller, null, AuditActions.OrganisationVerified, $"{organisation.Name} ({organisation.Id})");
            }

            organisation.Verify();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
