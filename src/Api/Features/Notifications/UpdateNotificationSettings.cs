using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>
/// The member changes how some kinds reach them. Kinds and choices are named ("Reply": "Daily");
/// an unknown kind or choice is a 400 on that entry and nothing changes. What is already queued
/// keeps the choice it was written with.
/// </summary>
public static class UpdateNotificationSettings
{
    public sealed record Command(Caller Caller, IReadOnlyDictionary<string, string>? Choices) : ICommand<NotificationSettingsView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        private static readonly string _kinds = string.Join(", ", Enum.GetNames<NotificationKind>());
        private static readonly string _deliveries = string.Join(", ", Enum.GetNames<NotificationDelivery>());

        public Validator()
        {
            RuleFor(c => c.Choices).NotEmpty().WithMessage("Choose how at least one kind of notification reaches you.");
            RuleFor(c => c.Choices).Custom((choices, context) =>
            {
                foreach (var (kind, delivery) in choices ?? new Dictionary<string, string>())
                {
                    if (!TryParse<NotificationKind>(kind, out _))
                    {
                        context.AddFailure(new ValidationFailure($"choices.{kind}", $"There is no kind of notification called “{kind}”; the kinds are {_kinds}."));
                    }
                    else if (!TryParse<NotificationDelivery>(delivery, out _))
                    {
                        context.AddFailure(new ValidationFailure($"choices.{kind}", $"Choose one of {_deliveries}."));
                    }
                }
            });
        }
    }

    internal static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    internal sealed class Handler(AppDbContext db, IOptions<NotificationOptions> options) : ICommandHandler<Command, NotificationSettingsView>
    {
        public async ValueTask<NotificationSettingsView> Handle(Command command, CancellationToken cancellationToken)
        {
            var memberId = command.Caller.Id;
            foreach (var (name, choice) in command.Choices!)
            {
                TryParse<NotificationKind>(name, out var kind);
                TryParse<NotificationDelivery>(choice, out var delivery);
                await db.ChooseAsync(memberId, kind, delivery, cancellationToken);
            }

            return await db.NotificationSettingsAsync(memberId, options.Value, cancellationToken);
        }
    }

    internal static Task ChooseAsync(this AppDbContext db, Guid memberId, NotificationKind kind, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var (kindName, deliveryName) = (kind.ToString(), delivery.ToString());
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_preferences (member_id, kind, delivery) VALUES ({memberId}, {kindName}, {deliveryName})
            ON CONFLICT (member_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery
            """, cancellationToken);
    }
}
