using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>After the webinar, a host or moderator answers a question in writing (Markdown); its asker sees the answer on the question.</summary>
public static class AnswerQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, string? Answer) : ICommand<QuestionView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answer).Must(a => !string.IsNullOrWhiteSpace(a) && a.Length <= Question.AnswerMaxLength)
                .WithMessage($"Write an answer of at most {Question.AnswerMaxLength:N0} characters.").OverridePropertyName("answer");
        }
    }

    internal sealed class Handler(QuestionModeration moderation, MarkdownRenderer markdown, Notifier notifier, TimeProvider clock)
        : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (found, question) =>
            {
                question.AnswerInWriting(command.Answer!, markdown.ToHtml(command.Answer!), clock.GetUtcNow());
                notifier.Notify(NotificationKind.QuestionUpdate, [question.AuthorId], new NotificationMessage(
                    $"Your question at “{found.Title}” was answered", Notifier.Excerpt(command.Answer!), $"/Events/{found.Id}"),
                    command.Caller.Id);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
