using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Api.Live;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Qa;

/// <summary>Hosts open the Q&amp;A (optionally with pre-moderation) and close it.</summary>
public static class OpenQa
{
    public sealed record Request(bool? RequireApproval);

    public sealed record Command(Viewer Viewer, Guid EventId, bool Open, bool RequireApproval) : ICommand<QaState>;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live, ISender sender) : ICommandHandler<Command, QaState>
    {
        public async ValueTask<QaState> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var found = await db.LockEventAsync(command.EventId, command.Viewer, cancellationToken);
                if (!command.Viewer.Moderates(found))
                {
                    throw new ForbiddenException("Only the event's hosts and moderators run its Q&A.");
                }

                if (command.Open)
                {
                    found.OpenQa(command.RequireApproval);
                }
                else
                {
                    found.CloseQa();
                }

                await live.AppendAsync(CommunityEvent.QaStreamName(found.Id), command.Open ? EventKindsQa.QaOpened : EventKindsQa.QaClosed,
                    new { open = found.QaOpen, requiresApproval = found.QaRequiresApproval }, cancellationToken);
                return true;
            }, cancellationToken);
            return await sender.Send(new GetQa.Query(command.Viewer, command.EventId, QuestionOrder.Votes), cancellationToken);
        }
    }
}

/// <summary>
/// What hosts and moderators do to a question: approve it from the queue, hide it with a reason
/// (its asker sees the reason), pin it ("now answering"), mark it answered, fix a typo, answer in
/// writing afterwards (the asker is told), or merge a duplicate into another.
/// </summary>
public static class ModerateQuestion
{
    public enum Action
    {
        Approve,
        Hide,
        Pin,
        Unpin,
        Answered,
        Unanswered,
        Edit,
        Answer,
        Merge,
    }

    public sealed record Request(string? Reason, string? Text, string? Answer, Guid? IntoQuestionId);

    public sealed record Command(Viewer Viewer, Guid EventId, Guid QuestionId, Action Action, Request Request) : ICommand<QuestionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).IsInEnum();
            RuleFor(c => c.Request.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Action == Action.Hide)
                .WithMessage("Say why the question is hidden; its asker will see the reason.")
                .OverridePropertyName("reason");
            RuleFor(c => c.Request.Reason).MaximumLength(Question.ReasonMaxLength)
                .WithMessage($"A reason has at most {Question.ReasonMaxLength} characters.").OverridePropertyName("reason");
            RuleFor(c => c.Request.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Question.TextMaxLength)
                .When(c => c.Action == Action.Edit)
                .WithMessage($"A question has 1 to {Question.TextMaxLength} characters.").OverridePropertyName("text");
            RuleFor(c => c.Request.Answer).Must(a => !string.IsNullOrWhiteSpace(a) && a.Length <= Question.AnswerMaxLength)
                .When(c => c.Action == Action.Answer)
                .WithMessage($"Write an answer of at most {Question.AnswerMaxLength:N0} characters.").OverridePropertyName("answer");
            RuleFor(c => c.Request.IntoQuestionId).NotNull().When(c => c.Action == Action.Merge)
                .WithMessage("Say which question this one merges into.").OverridePropertyName("intoQuestionId");
        }
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, LiveStreams live, MarkdownRenderer markdown, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, QuestionView>
    {
        public async ValueTask<QuestionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = command.Request;
            await work.RunAsync(async () =>
            {
                // The event's lock orders moderation and pinning; votes do not take it.
                var found = await db.LockEventAsync(command.EventId, command.Viewer, cancellationToken);
                if (!command.Viewer.Moderates(found))
                {
                    throw new ForbiddenException("Only the event's hosts and moderators moderate its Q&A.");
                }

                var question = await db.QuestionAsync(found.Id, command.QuestionId, cancellationToken);
                var wasVisible = question.Status == QuestionStatus.Visible;
                var now = clock.GetUtcNow();
                var publicStream = CommunityEvent.QaStreamName(found.Id);
                var moderationStream = CommunityEvent.QaModerationStreamName(found.Id);

                switch (command.Action)
                {
                    case Action.Approve:
                        question.Approve();
                        break;
                    case Action.Hide:
                        question.Hide(request.Reason!);
                        if (found.PinnedQuestionId == question.Id)
                        {
                            found.Pin(null);
                        }

                        break;
                    case Action.Pin:
                        if (question.Status != QuestionStatus.Visible)
                        {
                            throw new ConflictException("Approve the question before pinning it.");
                        }

                        found.Pin(question.Id);
                        break;
                    case Action.Unpin:
                        if (found.PinnedQuestionId == question.Id)
                        {
                            found.Pin(null);
                        }

                        break;
                    case Action.Answered:
                    case Action.Unanswered:
                        question.MarkAnswered(command.Action == Action.Answered, now);
                        break;
                    case Action.Edit:
                        question.Edit(request.Text!, now);
                        break;
                    case Action.Answer:
                        question.AnswerInWriting(request.Answer!, markdown.ToHtml(request.Answer!), now);
                        logger.LogInformation("Question {QuestionId} answered in writing; its asker {MemberId} is told on the question", question.Id, question.AuthorId);
                        break;
                    case Action.Merge:
                        await MergeAsync(found, question, request.IntoQuestionId!.Value, cancellationToken);
                        break;
                }

                await db.SaveChangesAsync(cancellationToken);
                var isVisible = question.Status == QuestionStatus.Visible;

                // Everyone: a question that became visible is added, one that stopped is removed, others are updated.
                if (isVisible)
                {
                    var kind = wasVisible ? EventKindsQa.QuestionUpdated : EventKindsQa.QuestionAdded;
                    await live.AppendAsync(publicStream, kind, await db.ViewAsync(question, QaAudience.Public, cancellationToken), cancellationToken);
                }
                else if (wasVisible)
                {
                    await live.AppendAsync(publicStream, EventKindsQa.QuestionRemoved,
                        new { id = question.Id, mergedIntoId = question.MergedIntoId }, cancellationToken);
                }

                if (command.Action is Action.Pin or Action.Unpin or Action.Hide or Action.Merge)
                {
                    await live.AppendAsync(publicStream, EventKindsQa.QuestionPinned, new { questionId = found.PinnedQuestionId }, cancellationToken);
                }

                // Hosts and moderators: every change, with the asker named.
                await live.AppendAsync(moderationStream, EventKindsQa.QuestionModerated,
                    await db.ViewAsync(question, QaAudience.Moderators, cancellationToken), cancellationToken);
                return true;
            }, cancellationToken);

            var stored = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == command.QuestionId, cancellationToken);
            return await db.ViewAsync(stored, QaAudience.Moderators, cancellationToken);
        }

        private async Task MergeAsync(CommunityEvent found, Question duplicate, Guid intoId, CancellationToken cancellationToken)
        {
            var target = await db.QuestionAsync(found.Id, intoId, cancellationToken);
            duplicate.MergeInto(target);
            if (found.PinnedQuestionId == duplicate.Id)
            {
                found.Pin(target.Id);
            }

            // Votes move over; someone who voted for both still counts once (the key says so).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qa_votes (question_id, member_id, created_at)
                SELECT {target.Id}, member_id, created_at FROM qa_votes WHERE question_id = {duplicate.Id}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM qa_votes WHERE question_id = {duplicate.Id}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE qa_questions SET vote_count = (SELECT count(*) FROM qa_votes WHERE question_id = {target.Id}) WHERE id = {target.Id};
                UPDATE qa_questions SET vote_count = 0 WHERE id = {duplicate.Id}
                """, cancellationToken);
            await db.Entry(target).ReloadAsync(cancellationToken);
            if (target.Status == QuestionStatus.Visible)
            {
                await live.AppendAsync(CommunityEvent.QaStreamName(found.Id), EventKindsQa.QuestionUpdated,
                    await db.ViewAsync(target, QaAudience.Public, cancellationToken), cancellationToken);
            }
        }
    }
}
