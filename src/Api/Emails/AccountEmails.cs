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
}
