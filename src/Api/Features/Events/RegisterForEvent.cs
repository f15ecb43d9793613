using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// A member signs up: a seat while there is one, else the waitlist. The event's row lock is held
/// from reading the seat count to commit, so concurrent sign-ups queue and never oversell; the
/// order they get the lock is their arrival order.
/// </summary>
public static class RegisterForEvent
{
    public const int AnswerMaxLength = Registration.AnswerMaxLength;

    public sealed record Command(Caller Caller, Guid EventId, IReadOnlyList<string> Answers, bool ListMe) : ICommand<MyRegistration>, ITransactional;

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

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, MyRegistration>
    {
        public async ValueTask<MyRegistration> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.LockEventAsync(command.EventId, command.Caller, cancellationToken);
            if (command.Answers.Count > found.RegistrationQuestions.Count)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(
                    "Answers", $"This event asks {found.RegistrationQuestions.Count} questions; send at most that many answers.")]);
            }

            var existing = await db.Registrations.SingleOrDefaultAsync(
                r => r.EventId == found.Id && r.MemberId == command.Caller.Id, cancellationToken);
            var registration = found.Register(command.Caller.Id, existing, command.Answers, command.ListMe, clock.GetUtcNow());
            if (existing is null)
            {
                db.Registrations.Add(registration);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (await db.MyRegistrationAsync(command.EventId, command.Caller.Id, cancellationToken))!;
        }
    }
}
