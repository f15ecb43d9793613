using CommunityOfPractice.Contracts.Events.Qa;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>A host or moderator lets a question out of the pre-moderation queue.</summary>
public static class ApproveQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId) : ICommand<QuestionView>, ITransactional;

    internal sealed class Handler(QuestionModeration moderation) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (_, question) =>
            {
                question.Approve();
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
