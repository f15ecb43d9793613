using CommunityOfPractice.Api.Infrastructure.Persistence;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Domain.Events;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// A member signs up: a seat while there is one, else the waitlist. The event's row lock is held
/// from reading the seat count to commit, so concurrent sign-ups queue and never oversell; the
/// order they get the lock is their arrival order.
/// </summary>
public static class RegisterForEvent
{
    public const int AnswerMaxLength = Registration.AnswerMaxLength;

    public sealed record Request(IReadOnlyList<string>? Answers, bool? ListMe);

    public sealed record Command(Viewer Viewer, Guid EventId, IReadOnlyList<string> Answers, bool ListMe) : ICommand<MyRegistration>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).Must(a => a.Count <= CommunityEvent.MaxQuestions)
                .WithMessage($"Answer at most {CommunityEvent.MaxQuestions} questions.");
            RuleForEach(c => c.Answers).NotNull().WithMessage("An answer cannot be null; send an empty string to skip it.")
                .MaximumLength(AnswerMaxLength).WithMessage($"An answer has at most {AnswerMaxLength} characters.");
        }
    }

    internal sealed class Handler(AppDbContext db, UnitOfWork work, TimeProvider clock) : ICommandHandler<Command, MyRegistration>
    {
        public async ValueTask<MyRegistration> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var found = await db.LockEventAsync(command.EventId, command.Viewer, cancellationToken);
                if (command.Answers.Count > found.RegistrationQuestions.Count)
                {
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure(
                        "Answers", $"This event asks {found.RegistrationQuestions.Count} questions; send at most that many answers.")]);
                }

                var existing = await db.Registrations.SingleOrDefaultAsync(
                    r => r.EventId == found.Id && r.MemberId == command.Viewer.MemberId, cancellationToken);
                var registration = found.Register(command.Viewer.MemberId, existing, command.Answers, command.ListMe, clock.GetUtcNow());
                if (existing is null)
                {
                    db.Registrations.Add(registration);
                }

                return true;
            }, cancellationToken);
            return (await db.MyRegistrationAsync(command.EventId, command.Viewer.MemberId, cancellationToken))!;
        }
    }
}

/// <summary>A member withdraws; a freed seat goes at once to the first person waiting.</summary>
public static class CancelRegistration
{
    public sealed record Command(Viewer Viewer, Guid EventId) : ICommand<MyRegistration>;

    internal sealed class Handler(AppDbContext db, UnitOfWork work, TimeProvider clock, ILogger<Handler> logger)
        : ICommandHandler<Command, MyRegistration>
    {
        public async ValueTask<MyRegistration> Handle(Command command, CancellationToken cancellationToken)
        {
            await work.RunAsync(async () =>
            {
                var found = await db.LockEventAsync(command.EventId, command.Viewer, cancellationToken);
                var mine = await db.Registrations.SingleOrDefaultAsync(
                    r => r.EventId == found.Id && r.MemberId == command.Viewer.MemberId, cancellationToken)
                    ?? throw new NotFoundException("You are not registered for this event.");
                var waiting = mine.Status == RegistrationStatus.Registered ? await db.FirstWaitingAsync(found.Id, cancellationToken) : null;
                if (found.CancelRegistration(mine, waiting, clock.GetUtcNow()) is { } promoted)
                {
                    // No email yet: the promoted member sees the notice on their registration.
                    logger.LogInformation("Member {MemberId} moved from the waitlist of event {EventId} to a seat", promoted.MemberId, found.Id);
                }

                return true;
            }, cancellationToken);
            return (await db.MyRegistrationAsync(command.EventId, command.Viewer.MemberId, cancellationToken))!;
        }
    }
}
