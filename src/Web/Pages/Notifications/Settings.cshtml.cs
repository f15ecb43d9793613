using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Notifications;

/// <summary>
/// How each kind of notification reaches the member (in-app only, email at once, a daily or
/// weekly digest, or off). The emails' "settings" link points here, so the path is fixed:
/// <c>/Notifications/Settings</c>. The Api decides what is valid; its 400 on <c>choices.{Kind}</c>
/// is shown on that kind's fieldset.
/// </summary>
[Authorize]
public sealed class SettingsModel(ApiClient api) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NotificationSettingsView? Settings { get; private set; }

    /// <summary>The kinds this person can receive: requests to join reach moderators and admins only.</summary>
    public IEnumerable<NotificationKind> Kinds => NotificationText.Kinds.Where(kind =>
        kind != NotificationKind.JoinRequest || User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Admin));

    public ApiProblem? LoadProblem { get; private set; }

    /// <summary>The model-state key of one kind's choice: its fieldset's id, where the error summary links.</summary>
    public static string Key(NotificationKind kind) => $"Input.Choices.{kind}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } settings)
        {
            Input.Choices = settings.Choices.ToDictionary(c => c.Kind.ToString(), c => (string?)c.Delivery.ToString());
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var choices = Input.Choices.Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value!);
        var result = await api.UpdateNotificationSettingsAsync(new UpdateNotificationSettingsRequest(choices), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = "Your notification choices are saved.";
            return RedirectToPage();
        }

        AddProblem(result.Problem);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public bool IsChosen(NotificationKind kind, NotificationDelivery delivery) =>
        Input.Choices.TryGetValue(kind.ToString(), out var chosen) && string.Equals(chosen, delivery.ToString(), StringComparison.OrdinalIgnoreCase);

    // "choices.Reply" goes on the Reply fieldset, in the page's words; anything else to the summary as the Api said it.
    private void AddProblem(ApiProblem problem)
    {
        foreach (var (field, messages) in problem.Errors)
        {
            var kind = NotificationText.Kinds.Cast<NotificationKind?>()
                .FirstOrDefault(k => string.Equals(field, $"choices.{k}", StringComparison.OrdinalIgnoreCase));
            if (kind is { } known)
            {
                ModelState.AddModelError(Key(known), $"{NotificationText.Name(known)}: choose one of the five ways listed.");
                continue;
            }

            foreach (var message in messages)
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        if (problem.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, problem.Message);
        }
    }

    private async Task<NotificationSettingsView?> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await api.GetNotificationSettingsAsync(cancellationToken);
        if (!settings.Succeeded)
        {
            LoadProblem = settings.Problem;
            return null;
        }

        return Settings = settings.Value;
    }

    public sealed class InputModel
    {
        /// <summary>Kind name → delivery name, as the radio buttons <c>Input.Choices[Reply]</c> post them.</summary>
        public Dictionary<string, string?> Choices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
