using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// A moderator, or an org admin for their organisation, makes an invitation link that skips
/// approval. The token is returned this once; only its SHA-256 is kept.
/// </summary>
public static class CreateInvitation
{
    public const int LongestDays = 90;

    public sealed record Command(Caller Caller, int ValidForDays, int MaxUses, Guid? OrganisationId) : ICommand<CreatedInvitation>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ValidForDays).InclusiveBetween(1, LongestDays)
                .WithMessage($"An invitation is valid for 1 to {LongestDays} days.");
            RuleFor(c => c.MaxUses).InclusiveBetween(1, Invitation.MaxUsesLimit)
                .WithMessage($"An invitation can be used 1 to {Invitation.MaxUsesLimit} times.");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock, IConfiguration configuration) : ICommandHandler<Command, CreatedInvitation>
    {
        public async ValueTask<CreatedInvitation> Handle(Command command, CancellationToken cancellationToken)
        {
            NamedRef? organisation = null;
            if (command.OrganisationId is { } organisationId)
            {
                organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => new NamedRef(o.Id, o.Name))
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new ValidationException([new ValidationFailure(nameof(Command.OrganisationId), "Choose an organisation from the list.")]);
            }

            await db.EnsureMayInviteAsync(command.Caller, command.OrganisationId, cancellationToken);

            var now = clock.GetUtcNow();
            var token = InvitationTokens.NewToken();
            var invitation = Invitation.Create(
                InvitationTokens.Hash(token), command.Caller.Id, command.OrganisationId, now.AddDays(command.ValidForDays), command.MaxUses, now);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);

            return new CreatedInvitation(
                invitation.Id, token, InvitationTokens.Link(configuration, token), invitation.ExpiresAt, invitation.MaxUses, organisation);
        }
    }
}
