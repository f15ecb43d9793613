using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events.Qa;

/// <summary>A host or moderator pins a question ("now answering"), replacing any other, or takes the pin off it.</summary>
public static class PinQuestion
{
    public sealed record Command(Caller Caller, Guid EventId, Guid QuestionId, bool Pin) : ICommand<QuestionView>, ITransactional;

    internal sealed class Handler(QuestionModeration moderation) : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken) =>
            await moderation.ApplyAsync(command.Caller, command.EventId, command.QuestionId, (found, question) =>
            {
                if (command.Pin)
                {
                    if (question.Status != QuestionStatus.Visible)
                    {
                        throw new ConflictException("Approve the question before pinning it.");
                    }

                    found.Pin(question.Id);
                }
                else if (found.PinnedQuestionId == question.Id)
                {
                    found.Pin(null);
                }

                return Task.CompletedTask;
            }, cancellationToken, announcesPin: true);
    }
}
