using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// A member signs up: a seat while there is one, else the waitlist, in arrival order and never
/// oversold. The common case is one statement (<see cref="TakeSeatAsync"/>): it locks the event's
/// row, counts the seat and writes the registration in a single round trip, so the lock is held
/// for that statement and its commit rather than for a conversation (ADR 0007, "A seat in one statement"). Whatever it does
/// not take (not open, already registered, too many answers, a race by the same member) goes the
/// domain's way under the row lock, which either registers or says why not.
/// </summary>
public static class RegisterForEvent
{
    public const int AnswerMaxLength = Registration.AnswerMaxLength;

    public sealed record Command(Caller Caller, Guid EventId, IReadOnlyList<string> Answers, bool ListMe) : ICommand<MyRegistration>;

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
            var strategy = db.Database.CreateExecutionStrategy();
            var taken = await strategy.ExecuteAsync(() => TakeSeatAsync(command, cancellationToken));
            if (!taken)
            {
                await strategy.ExecuteAsync(() => RegisterUnderLockAsync(command, cancellationToken));
            }

            return (await db.MyRegistrationAsync(command.EventId, command.Caller.Id, cancellationToken))!;
        }

        /// <summary>
        /// The rule of <see cref="CommunityEvent.Register"/> for an open event, in one statement:
        /// <c>FOR UPDATE</c> waits for the row and reads its newest seat count (concurrent sign-ups
        /// queue in arrival order), the update counts the arrival and the seat, and the insert writes
        /// the registration, or rejoins a cancelled one. False, with nothing written, when the
        /// statement does not apply.
        /// </summary>
        private async Task<bool> TakeSeatAsync(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            string[] answers = [.. command.Answers.Select(a => a.Trim())];
            var (published, registered, waitlisted, cancelled) = (nameof(EventStatus.Published),
                nameof(RegistrationStatus.Registered), nameof(RegistrationStatus.Waitlisted), nameof(RegistrationStatus.Cancelled));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await db.Database.SqlQuery<TakenSeat>($"""
                WITH open_event AS (
                    SELECT e.id, e.capacity IS NULL OR e.registered_count < e.capacity AS seated
                    FROM events e
                    WHERE e.id = {command.EventId} AND e.status = {published} AND e.ends_at > {now}
                      AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= {now})
                      AND (e.registration_closes_at IS NULL OR {now} < e.registration_closes_at)
                      AND cardinality(e.registration_questions) >= {answers.Length}
                    FOR UPDATE
                ), counted AS (
                    UPDATE events e
                    SET arrival_counter = e.arrival_counter + 1,
                        registered_count = e.registered_count + CASE WHEN o.seated THEN 1 ELSE 0 END
                    FROM open_event o
                    WHERE e.id = o.id
                    RETURNING e.arrival_counter, o.seated
                )
                INSERT INTO event_registrations AS r
                    (id, event_id, member_id, status, arrival_number, answers, is_listed, registered_at)
                SELECT {Guid.CreateVersion7()}, {command.EventId}, {command.Caller.Id},
                    CASE WHEN c.seated THEN {registered} ELSE {waitlisted} END, c.arrival_counter, {answers}, {command.ListMe}, {now}
                FROM counted c
                ON CONFLICT (event_id, member_id) DO UPDATE
                SET status = excluded.status, arrival_number = excluded.arrival_number, answers = excluded.answers,
                    is_listed = excluded.is_listed, registered_at = excluded.registered_at,
                    promoted_at = NULL, cancelled_at = NULL, notice = NULL
                WHERE r.status = {cancelled}
                RETURNING r.id
                """).ToListAsync(cancellationToken);

            // No row: the event is not open to this sign-up, or the member already holds a place
            // (the arrival counted above is rolled back with the transaction).
            if (rows.Count == 0)
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        /// <summary>The domain's way, for what the one statement did not take: registers, or throws why not.</summary>
        private async Task RegisterUnderLockAsync(Command command, CancellationToken cancellationToken)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
            await transaction.CommitAsync(cancellationToken);
        }

        private sealed record TakenSeat(Guid Id);
    }
}
