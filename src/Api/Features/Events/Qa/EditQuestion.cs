using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>A host or moderator fixes a typo in a question; it shows as edited.</summary>
public static class EditQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, string? Text) : ICommand<QuestionView>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Question.TextMaxLength)
                .WithMessage($"A question has 1 to {Question.TextMaxLength} characters.").OverridePropertyName("text");
        }
    }

    internal sealed class Handler(QuestionModeration moderation, TimeProvider clock) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (_, question) =>
            {
                question.Edit(command.Text!, clock.GetUtcNow());
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
