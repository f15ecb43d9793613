using CommunityOfPractice.Api.Infrastructure.Mail;
using static CommunityOfPractice.Api.Emails.EmailLayout;

namespace CommunityOfPractice.Api.Emails;

/// <summary>The emails about a person's account: they always go (no member can turn them off) and carry no unsubscribe link.</summary>
public static class AccountEmails
{
    public static EmailContent PasswordReset(string link) => new(
        "Reset your Community of Practice password",
        $"""
        Someone (we hope you) asked to reset the password of your Community of Practice account.

        Choose a new password here (the link works once, for one hour):
        {link}

        If it was not you, ignore this email: your password stays as it is.
        """,
        Html("Reset your password",
            Paragraph("Someone (we hope you) asked to reset the password of your Community of Practice account.")
            + $"<p>{Link(link, "Choose a new password")} (the link works once, for one hour).</p>"
            + Paragraph("If it was not you, ignore this email: your password stays as it is.")));

    public static EmailContent ConfirmAddress(string displayName, string link) => new(
        "Confirm your email address for Community of Practice",
        $"""
        Hello {displayName},

        Confirm that this is your address, so that you can sign in and we can reach you:
        {link}

        If you did not make an account, ignore this email and no account will be usable with this address.
        """,
        Html("Confirm your email address",
            Paragraph($"Hello {displayName},")
            + $"<p>{Link(link, "Confirm this address")}, so that you can sign in and we can reach you.</p>"
            + Paragraph("If you did not make an account, ignore this email and no account will be usable with this address.")));

    public static EmailContent ConfirmNewAddress(string displayName, string link) => new(
        "Confirm your new email address for Community of Practice",
        $"""
        Hello {displayName},

        You asked to move your Community of Practice account to this address. Follow this link to make the change:
        {link}

        Until you do, you sign in and get mail at your current address. If you did not ask for this, ignore this email: nothing changes.
        """,
        Html("Confirm your new email address",
            Paragraph($"Hello {displayName},")
            + Paragraph("You asked to move your Community of Practice account to this address.")
            + $"<p>{Link(link, "Use this address for my account")}</p>"
            + Paragraph("Until you do, you sign in and get mail at your current address. If you did not ask for this, ignore this email: nothing changes.")));

    public static EmailContent AddressChangeAsked(string displayName, string maskedNewEmail) => new(
        "A change of your Community of Practice email address was asked for",
        $"""
        Hello {displayName},

        Someone signed in to your Community of Practice account asked to move it to {maskedNewEmail}. Nothing changes until the link sent there is followed.

        If it was not you, sign in and change your password: the link then stops working.
        """,
        Html("A change of your email address was asked for",
            Paragraph($"Hello {displayName},")
            + Paragraph($"Someone signed in to your Community of Practice account asked to move it to {maskedNewEmail}. Nothing changes until the link sent there is followed.")
            + Paragraph("If it was not you, sign in and change your password: the link then stops working.")));

    public static EmailContent AddressChanged(string displayName, string maskedNewEmail) => new(
        "Your Community of Practice email address was changed",
        $"""
        Hello {displayName},

        Your Community of Practice account now uses {maskedNewEmail}: you sign in with it, and mail goes there, not here.

        If you did not make this change, tell your community's organisers at once.
        """,
        Html("Your email address was changed",
            Paragraph($"Hello {displayName},")
            + Paragraph($"Your Community of Practice account now uses {maskedNewEmail}: you sign in with it, and mail goes there, not here.")
            + Paragraph("If you did not make this change, tell your community's organisers at once.")));

    public static EmailContent AddressHasAccount(string signInLink) => new(
        "This address already has a Community of Practice account",
        $"""
        Someone signed in to Community of Practice asked to move their account to this address, but it already has an account of its own, so nothing changed.

        If that was you, sign in with this address instead: {signInLink}
        If it was not, ignore this email.
        """,
        Html("This address already has an account",
            Paragraph("Someone signed in to Community of Practice asked to move their account to this address, but it already has an account of its own, so nothing changed.")
            + $"<p>If that was you, {Link(signInLink, "sign in with this address")} instead. If it was not, ignore this email.</p>"));
}
