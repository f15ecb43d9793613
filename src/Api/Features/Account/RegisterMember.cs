using System.Text;
using CommunityOfPractice.Api.Emails;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Mail;
using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Notifications;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// A newcomer joins: account, profile and how they become a member, in one transaction. With an
/// invitation they are a member at once (and in its organisation); otherwise, when joining is by
/// approval, they are an applicant with a join request a moderator decides; when it is open, a
/// member at once.
/// </summary>
public static class RegisterMember
{
    // Not ITransactional: the AccountFactory writes account, roles and profile in its own
    // transaction (it also serves the seeders), with the join request or the invitation's use
    // inside it; the confirmation link is only logged.
    public sealed record Command(
        string Email,
        string Password,
        string DisplayName,
        Guid? OrganisationId = null,
        string? ProposedOrganisationName = null,
        IReadOnlyList<Guid>? PlaceIds = null,
        string? Why = null,
        string? Invitation = null) : ICommand<Registered>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<JoiningOptions> joining)
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(MemberLimits.EmailMaxLength).WithMessage($"An email address has at most {MemberLimits.EmailMaxLength} characters.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@example.org.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.");
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Tell the community your name.")
                .MaximumLength(MemberLimits.DisplayNameMaxLength)
                .WithMessage($"A display name has at most {MemberLimits.DisplayNameMaxLength} characters.");
            RuleFor(c => c.ProposedOrganisationName).MaximumLength(Organisation.NameMaxLength)
                .WithMessage($"An organisation name has at most {Organisation.NameMaxLength} characters.");
            RuleFor(c => c.ProposedOrganisationName).Empty().When(c => c.OrganisationId is not null)
                .WithMessage("Choose an organisation from the list or name a new one, not both.");
            RuleFor(c => c.PlaceIds).Must(ids => ids is null || ids.Distinct().Count() <= JoinRequest.MaxPlaces)
                .WithMessage($"Choose at most {JoinRequest.MaxPlaces} places.");
            RuleFor(c => c.Why).MaximumLength(JoinRequest.WhyMaxLength)
                .WithMessage($"Say why you are joining in at most {JoinRequest.WhyMaxLength} characters.");
            RuleFor(c => c.Invitation).MaximumLength(InvitationTokens.MaxLength)
                .WithMessage("This invitation link is not valid. Check you copied all of it.");

            // What a moderator needs to decide; an invitation or open joining asks none of it.
            When(c => joining.Value.Joining == JoiningMode.Approval && string.IsNullOrWhiteSpace(c.Invitation), () =>
            {
                RuleFor(c => c.PlaceIds).Must(ids => ids is { Count: > 0 })
                    .WithMessage("Choose at least one place where you work.");
                RuleFor(c => c.Why).NotEmpty()
                    .WithMessage("Tell the moderators in a sentence or two why you are joining.");
            });
        }
    }

    internal sealed class Handler(
        AccountFactory accounts, AppDbContext db, UserManager<AppUser> users, Outbox outbox, Notifier notifier, IOptions<JoiningOptions> joining,
        TimeProvider clock, IConfiguration configuration)
        : ICommandHandler<Command, Registered>
    {
        public async ValueTask<Registered> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var invitation = await UsableInvitationAsync(command.Invitation, cancellationToken);
            var (organisation, places) = await ChosenAsync(command, cancellationToken);
            var approved = invitation is not null || joining.Value.Joining == JoiningMode.Open;

            (Member? Member, IdentityResult Result) created;
            try
            {
                created = await accounts.CreateAsync(email, command.Password, command.DisplayName, [], cancellationToken, approved,
                    member => WriteAlongsideAsync(member, command, invitation?.Id, organisation, places, cancellationToken), confirmed: false);
            }
            catch (DbUpdateConcurrencyException) when (invitation is not null)
            {
                // Someone else took the link's last use between our read and our write (xmin).
                throw new GoneException("This invitation has just been used as many times as it allows. Ask for a new one.");
            }

            var (registered, result) = created;
            if (registered is null)
            {
                throw new ValidationException(result.Errors.Select(ToFailure));
            }

            return new Registered(registered.Id, email, registered.DisplayName, approved);
        }

        private async Task WriteAlongsideAsync(
            Member member, Command command, Guid? invitationId, Organisation? organisation, List<Place> places, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            if (invitationId is { } id)
            {
                // Read again inside the transaction: its xmin is what makes two last uses collide.
                var invitation = await db.Invitations.SingleAsync(i => i.Id == id, cancellationToken);
                if (!invitation.IsUsable(now))
                {
                    throw new GoneException(GoneMessage(invitation, now));
                }

                invitation.Use(now);
                if (invitation.OrganisationId is { } presetId)
                {
                    organisation = await db.Organisations.SingleAsync(o => o.Id == presetId, cancellationToken);
                    var membership = OrganisationMembership.Claim(presetId, member.Id, now);
                    membership.Decide(approve: true, invitation.CreatedById, now);
                    db.OrganisationMemberships.Add(membership);
                }
            }
            else if (!member.IsApproved)
            {
                db.JoinRequests.Add(JoinRequest.Submit(
                    member.Id, organisation?.Id, command.ProposedOrganisationName, places.Select(p => p.Id).ToList(), command.Why ?? string.Empty, now));
                await TellModeratorsAsync(member, command.Why ?? string.Empty, cancellationToken);
            }

            if (organisation is not null || places.Count > 0)
            {
                member.UpdateProfile(member.DisplayName, null, organisation, places);
            }

            // In the account's own transaction: no account without its confirmation email, and no email for an account rolled back.
            var user = await users.FindByIdAsync(member.Id.ToString());
            outbox.Add(ConfirmEmail.Kind, user!.Email!, AccountEmails.ConfirmAddress(member.DisplayName, await ConfirmEmail.LinkAsync(users, user, configuration)));
        }

        /// <summary>
        /// Moderators and admins hear that a request waits, in this transaction; requests that
        /// arrive before they look are counted into one notification ("3 people ask to join…").
        /// </summary>
        private async Task TellModeratorsAsync(Member member, string why, CancellationToken cancellationToken)
        {
            var deciders = await db.UserRoles
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => x.Name == Roles.Moderator || x.Name == Roles.Admin)
                .Select(x => x.UserId).Distinct().ToListAsync(cancellationToken);
            notifier.Notify(NotificationKind.JoinRequest, deciders,
                new NotificationMessage($"{member.DisplayName} asks to join the community", Notifier.Excerpt(why), "/admin/join-requests")
                {
                    GroupKey = "join-requests",
                    CountedTitle = " people ask to join the community",
                    Audience = NotificationAudience.Accounts,
                });
        }

        /// <summary>The invitation the newcomer brings, checked before any account is made: 400 unknown, 410 expired or used up.</summary>
        private async Task<Invitation?> UsableInvitationAsync(string? token, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                return null;
            }

            var hash = InvitationTokens.Hash(token);
            var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(Command.Invitation),
                    "This invitation link is not valid: it may have been withdrawn. Ask for a new one, or join without it.")]);
            var now = clock.GetUtcNow();
            return invitation.IsUsable(now) ? invitation : throw new GoneException(GoneMessage(invitation, now));
        }

        private async Task<(Organisation? Organisation, List<Place> Places)> ChosenAsync(Command command, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            Organisation? organisation = null;
            if (command.OrganisationId is { } organisationId)
            {
                organisation = await db.Organisations.FindAsync([organisationId], cancellationToken);
                if (organisation is null)
                {
                    failures.Add(new(nameof(Command.OrganisationId), "Choose an organisation from the list, or name a new one."));
                }
            }

            var wanted = (command.PlaceIds ?? []).Distinct().ToList();
            var places = await db.Places.Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken);
            if (places.Count != wanted.Count)
            {
                failures.Add(new(nameof(Command.PlaceIds), "Choose places from the list; one of them does not exist."));
            }

            return failures.Count > 0 ? throw new ValidationException(failures) : (organisation, places);
        }

        private static string GoneMessage(Invitation invitation, DateTimeOffset now) => now >= invitation.ExpiresAt
            ? "This invitation has expired. Ask for a new one, or join without it."
            : "This invitation has been used as many times as it allows. Ask for a new one, or join without it.";

        private static ValidationFailure ToFailure(IdentityError error) => new(
            error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(Command.Email),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(Command.Password),
                _ => string.Empty,
            },
            error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                    "An account with this email address already exists. Sign in instead.",
                _ => error.Description,
            });
    }
}
