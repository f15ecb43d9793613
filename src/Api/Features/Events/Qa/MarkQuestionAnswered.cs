using CommunityOfPractice.Contracts.Events.Qa;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>A host or moderator marks a question answered on air, or takes the mark back.</summary>
public static class MarkQuestionAnswered
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, bool Answered) : ICommand<QuestionView>, ITransactional;

    internal sealed class Handler(QuestionModeration moderation, TimeProvider clock) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (_, question) =>
            {
                question.MarkAnswered(command.Answered, clock.GetUtcNow());
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
