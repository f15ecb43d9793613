using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>A host or moderator hides a question with a reason, which its asker sees; a hidden question is no longer pinned.</summary>
public static class HideQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, string? Reason) : ICommand<QuestionView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r))
                .WithMessage("Say why the question is hidden; its asker will see the reason.")
                .MaximumLength(Question.ReasonMaxLength)
                .WithMessage($"A reason has at most {Question.ReasonMaxLength} characters.")
                .OverridePropertyName("reason");
        }
    }

    internal sealed class Handler(QuestionModeration moderation, Notifier notifier, AuditLog audit) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (found, question) =>
            {
                question.Hide(command.Reason!);
                audit.Record(command.Caller, question.AuthorId, AuditActions.QuestionHidden, $"At “{found.Title}” ({found.Id}): {command.Reason!.Trim()}");

                // The reason reaches the asker, who may never open the page again; only them.
                notifier.Notify(NotificationKind.QuestionUpdate, [question.AuthorId], new NotificationMessage(
                    $"Your question at “{found.Title}” was hidden", $"The reason: {command.Reason!.Trim()}", $"/Events/{found.Id}"),
                    command.Caller.Id);
                if (found.PinnedQuestionId == question.Id)
                {
                    found.Pin(null);
                }

                return Task.CompletedTask;
            }, cancellationToken, announcesPin: true);
    }
}
