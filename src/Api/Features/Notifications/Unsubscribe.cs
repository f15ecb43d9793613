using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>
/// One click from an email turns that kind of email off: the kind stays under the bell (in-app
/// only). Needs no sign-in: the signed token names the member and the kind. A token that was
/// changed, or not made here, is a 400 on "token" and nothing changes.
/// </summary>
public static class Unsubscribe
{
    public sealed record Command(string? Token) : ICommand<Result>, ITransactional;

    public sealed record Result(NotificationKind Kind, NotificationDelivery Delivery);

    public const string Invalid = "This unsubscribe link is not valid. Sign in and change your notification settings instead.";

    internal sealed class Handler(AppDbContext db, NotificationLinks links) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            if (links.ReadUnsubscribeToken(command.Token) is not var (memberId, kind)
                || !await db.Users.AnyAsync(u => u.Id == memberId, cancellationToken))
            {
                throw new ValidationException([new ValidationFailure("token", Invalid)]);
            }

            await db.ChooseAsync(memberId, kind, NotificationDelivery.InApp, cancellationToken);
            return new Result(kind, NotificationDelivery.InApp);
        }
    }
}
