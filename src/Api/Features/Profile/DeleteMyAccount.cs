using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Api.Infrastructure.Mail;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Notifications;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OpenIddict.EntityFrameworkCore.Models;

namespace CommunityOfPractice.Api.Features.Profile;

/// <summary>
/// A member deletes their account (UK GDPR: erasure), confirmed with their password, in one
/// transaction: the sign-in account goes (email, password, roles), and with it every token and
/// authorization issued to it, so no session outlives it; the profile row is erased but kept
/// (<see cref="Domain.Community.Member.Erase"/>), so the posts, events, papers and assessments that
/// name it as author keep a valid key and read "Former member" everywhere without any view
/// knowing; what only concerned them goes (memberships, follows, read marks, notifications and
/// their choices, registrations, join requests, invitations, their calendar feed, their own
/// stream). A seat they held at an event still to come is given up as if they had cancelled.
/// Asked to, the words of their posts and questions go too, leaving the threads readable. Votes
/// stay (they only count, and count for no one now). The audit log records the deletion.
/// </summary>
public static class DeleteMyAccount
{
    public const string WrongPassword = "That is not your password.";

    public sealed record Command(Caller Caller, string Password, bool RemoveContent) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password, to show it is you.");
    }

    internal sealed class Handler(UserManager<AppUser> users, AppDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = command.Caller.Id;
            var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("This account no longer exists.");
            if (!await users.CheckPasswordAsync(user, command.Password))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Password), WrongPassword)]);
            }

            if (await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            {
                throw new ConflictException("You are the only admin. Make someone else an admin first, so the community is not left without one.");
            }

            var member = await db.Members.Include(m => m.Places).SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
                ?? throw new NotFoundException("This member has no profile.");
            var now = clock.GetUtcNow();
            var email = user.Email;

            await GiveUpSeatsAsync(id, now, cancellationToken);
            if (command.RemoveContent)
            {
                await RemoveContentAsync(id, cancellationToken);
            }

            await DeleteWhatOnlyConcernedThemAsync(id, email, cancellationToken);
            member.Erase(now);
            audit.Record(command.Caller, id, AuditActions.MemberDeleted,
                command.RemoveContent ? "Account deleted; their posts and questions removed." : "Account deleted; their posts and questions kept, by Former member.");

            // Identity deletes roles, claims, logins and its tokens with the user, and saves the
            // whole unit of work: all of the above commits or none of it.
            var deleted = await users.DeleteAsync(user);
            return deleted.Succeeded
                ? Unit.Value
                : throw new ConflictException(string.Join(" ", deleted.Errors.Select(e => e.Description)));
        }

        // As CancelRegistration does, under each event's row lock: the seat goes to the first waiting.
        private async Task GiveUpSeatsAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var upcoming = await db.Registrations
                .Where(r => r.MemberId == id && r.Status != RegistrationStatus.Cancelled)
                .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { e.Id, e.EndsAt })
                .Where(e => e.EndsAt > now)
                .Select(e => e.Id).OrderBy(e => e).ToListAsync(cancellationToken);
            foreach (var eventId in upcoming)
            {
                var found = await db.Events.FromSql($"SELECT * FROM events WHERE id = {eventId} FOR UPDATE").SingleAsync(cancellationToken);
                var mine = await db.Registrations.SingleAsync(r => r.EventId == eventId && r.MemberId == id, cancellationToken);
                var waiting = mine.Status == RegistrationStatus.Registered
                    ? await db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
                        .OrderBy(r => r.ArrivalNumber).FirstOrDefaultAsync(cancellationToken)
                    : null;
                if (found.CancelRegistration(mine, waiting, now) is { } promoted)
                {
                    notifier.Notify(NotificationKind.EventUpdate, [promoted.MemberId], new NotificationMessage(
                        $"A seat came free for you at “{found.Title}”", "You had a place on the waitlist; now you have a seat.", $"/Events/{found.Id}"));
                }
            }

            // The seat counts change with the tracked events; the rows themselves go below.
            await db.SaveChangesAsync(cancellationToken);
        }

        private async Task RemoveContentAsync(Guid id, CancellationToken cancellationToken)
        {
            foreach (var post in await db.Posts.Where(p => p.AuthorId == id).ToListAsync(cancellationToken))
            {
                post.EraseContent();
            }

            foreach (var question in await db.Questions.Where(q => q.AuthorId == id).ToListAsync(cancellationToken))
            {
                question.EraseContent();
            }
        }

        private async Task DeleteWhatOnlyConcernedThemAsync(Guid id, string? email, CancellationToken cancellationToken)
        {
            var subject = id.ToString();
            var stream = StreamNames.Member(id);
            await db.Registrations.Where(r => r.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Follows.Where(f => f.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.ThreadReaders.Where(r => r.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.OrganisationMemberships.Where(m => m.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.JoinRequests.Where(r => r.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Invitations.Where(i => i.CreatedById == id).ExecuteDeleteAsync(cancellationToken);
            await db.CalendarFeeds.Where(f => f.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<Notification>().Where(n => n.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<NotificationPreference>().Where(p => p.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<NotificationInbox>().Where(i => i.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<NotificationEmailLog>().Where(l => l.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<NotificationDigest>().Where(d => d.MemberId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE notification_jobs SET recipients = array_remove(recipients, {id}) WHERE {id} = ANY(recipients)", cancellationToken);
            await db.StreamEvents.Where(e => e.Stream == stream).ExecuteDeleteAsync(cancellationToken);
            await db.Set<StreamCounter>().Where(s => s.Name == stream).ExecuteDeleteAsync(cancellationToken);
            if (email is not null)
            {
                await db.Set<OutboxMessage>().Where(m => m.Recipient == email && m.SentAt == null).ExecuteDeleteAsync(cancellationToken);
            }

            // Every refresh and access token (the Api checks each token's entry, so these stop at once) and the authorizations behind them.
            await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => t.Subject == subject).ExecuteDeleteAsync(cancellationToken);
            await db.Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().Where(a => a.Subject == subject).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
