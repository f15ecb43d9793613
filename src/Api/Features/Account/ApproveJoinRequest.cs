using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// A moderator approves a join request, with an optional message: the applicant becomes a member
/// (the "member" role, so their next token reads members-only content) and, when they named an
/// organisation here, their claim to belong to it waits for its admins. Deciding twice is a 409.
/// </summary>
public static class ApproveJoinRequest
{
    public sealed record Command(Caller Caller, Guid RequestId, string? Message) : ICommand<JoinRequestView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Message).MaximumLength(JoinRequest.MessageMaxLength)
                .WithMessage($"A message to the applicant has at most {JoinRequest.MessageMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db, UserManager<AppUser> users, Notifier notifier, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, JoinRequestView>
    {
        public async ValueTask<JoinRequestView> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.PendingDecisionAsync(command.RequestId, cancellationToken);
            var now = clock.GetUtcNow();
            request.Approve(command.Caller.Id, command.Message, now);

            var member = await db.Members.SingleAsync(m => m.Id == request.MemberId, cancellationToken);
            member.Approve(now);
            audit.Record(command.Caller, member.Id, AuditActions.JoinRequestApproved, string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim());
            if (request.OrganisationId is { } organisationId
                && !await db.OrganisationMemberships.AnyAsync(m => m.OrganisationId == organisationId && m.MemberId == member.Id, cancellationToken))
            {
                db.OrganisationMemberships.Add(OrganisationMembership.Claim(organisationId, member.Id, now));
            }

            var user = await users.FindByIdAsync(member.Id.ToString()) ?? throw new NotFoundException("The applicant's account is gone.");
            if (!await users.IsInRoleAsync(user, Roles.Member))
            {
                var granted = await users.AddToRoleAsync(user, Roles.Member);
                if (!granted.Succeeded)
                {
                    throw new ConflictException(string.Join(" ", granted.Errors.Select(e => e.Description)));
                }
            }

            notifier.Notify(NotificationKind.JoinDecision, [member.Id], new NotificationMessage(
                "Welcome: your request to join Community of Practice was approved",
                string.IsNullOrWhiteSpace(command.Message) ? "Sign in again to read the threads, events and papers shared with members." : command.Message.Trim(),
                "/account/join-request") { Audience = NotificationAudience.Accounts });
            await db.SaveChangesAsync(cancellationToken);
            return await db.ViewAsync(request.Id, cancellationToken);
        }
    }
}
