using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// A moderator declines a join request and says why (the applicant reads it). The applicant keeps
/// their account and reads public content only. Deciding twice is a 409.
/// </summary>
public static class DeclineJoinRequest
{
    public sealed record Command(Caller Caller, Guid RequestId, string? Message) : ICommand<JoinRequestView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Message).NotEmpty().WithMessage("Tell the applicant why their request is declined.")
                .MaximumLength(JoinRequest.MessageMaxLength)
                .WithMessage($"A message to the applicant has at most {JoinRequest.MessageMaxLength} characters.");
    }

    internal sealed class Handler(AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, JoinRequestView>
    {
        public async ValueTask<JoinRequestView> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.PendingDecisionAsync(command.RequestId, cancellationToken);
            request.Decline(command.Caller.Id, command.Message!, clock.GetUtcNow());
            audit.Record(command.Caller, request.MemberId, AuditActions.JoinRequestDeclined, command.Message!.Trim());

            notifier.Notify(NotificationKind.JoinDecision, [request.MemberId], new NotificationMessage(
                "Your request to join Community of Practice was declined", command.Message!.Trim(), "/account/join-request")
            { Audience = NotificationAudience.Accounts });
            await db.SaveChangesAsync(cancellationToken);
            return await db.ViewAsync(request.Id, cancellationToken);
        }
    }
}
