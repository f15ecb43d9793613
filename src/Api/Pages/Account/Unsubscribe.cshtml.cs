using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Domain.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>
/// The unsubscribe link of an email: it asks before it changes anything (a link scanner that
/// follows the link must not unsubscribe anyone), then one button turns that kind of email off.
/// Mail clients use the one-click endpoint instead (RFC 8058). A changed link is a 400 and changes nothing.
/// </summary>
public sealed class UnsubscribeModel(ISender sender, NotificationLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public NotificationKind? Kind { get; private set; }

    public bool Done { get; private set; }

    public string SettingsUrl => $"{links.WebBase}/Notifications/Settings";

    public static string About(NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => "replies to your posts and in threads you follow",
        NotificationKind.Mention => "people mentioning you",
        NotificationKind.PlaceActivity => "new threads, events and papers in places you follow",
        NotificationKind.EventReminder => "reminders of events you have a seat at",
        NotificationKind.EventUpdate => "changes to events you registered for",
        NotificationKind.QuestionUpdate => "answers to your questions in webinar Q&A",
        NotificationKind.JoinDecision => "your request to join",
        NotificationKind.JoinRequest => "requests to join that wait for a decision",
        _ => "this kind of news",
    };

    public IActionResult OnGet()
    {
        Kind = links.ReadUnsubscribeToken(Token)?.Kind;
        return Kind is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Kind = (await sender.Send(new Features.Notifications.Unsubscribe.Command(Token), cancellationToken)).Kind;
            Done = true;
            return Page();
        }
        catch (ValidationException)
        {
            return Invalid();
        }
    }

    private PageResult Invalid()
    {
        Kind = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
