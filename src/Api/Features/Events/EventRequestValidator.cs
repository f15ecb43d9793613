using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Features.Events;

public sealed class EventRequestValidator : AbstractValidator<EventRequest>
{
    public EventRequestValidator()
    {
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the event a title.")
            .MaximumLength(CommunityEvent.TitleMaxLength).WithMessage($"A title has at most {CommunityEvent.TitleMaxLength} characters.");
        RuleFor(r => r.Description).MaximumLength(CommunityEvent.DescriptionMaxLength)
            .WithMessage($"A description has at most {CommunityEvent.DescriptionMaxLength:N0} characters.");
        RuleFor(r => r.Kind).NotNull().WithMessage("Say whether this is a gathering, a webinar or hybrid.")
            .IsInEnum().WithMessage("Choose gathering, webinar or hybrid.");
        RuleFor(r => r.StartsAt).NotNull().WithMessage("Say when the event starts.");
        RuleFor(r => r.EndsAt).NotNull().WithMessage("Say when the event ends.")
            .GreaterThan(r => r.StartsAt).When(r => r.StartsAt is not null).WithMessage("The event must end after it starts.");
        RuleFor(r => r.TimeZone).Must(BeATimeZone).When(r => r.TimeZone is not null)
            .WithMessage("Use an IANA time zone name such as Europe/London.");
        RuleFor(r => r.Venue).MaximumLength(CommunityEvent.VenueMaxLength)
            .WithMessage($"A venue has at most {CommunityEvent.VenueMaxLength} characters.");
        RuleFor(r => r.OnlineUrl).MaximumLength(CommunityEvent.OnlineUrlMaxLength)
            .WithMessage($"An online link has at most {CommunityEvent.OnlineUrlMaxLength} characters.")
            .Must(BeAWebAddress).When(r => !string.IsNullOrWhiteSpace(r.OnlineUrl))
            .WithMessage("The online link must be an http or https address.");
        RuleFor(r => r.PlaceIds).Must(ids => ids is null || ids.Count <= CommunityEvent.MaxPlaces)
            .WithMessage($"Name at most {CommunityEvent.MaxPlaces} places.");
        RuleFor(r => r.Stage).IsInEnum().WithMessage("Choose one of the five framework stages.");
        RuleFor(r => r.Capacity).GreaterThanOrEqualTo(0).When(r => r.Capacity is not null)
            .WithMessage("Capacity cannot be below zero; leave it empty for no limit.");
        RuleFor(r => r.RegistrationClosesAt).GreaterThan(r => r.RegistrationOpensAt)
            .When(r => r.RegistrationOpensAt is not null && r.RegistrationClosesAt is not null)
            .WithMessage("Registration must close after it opens.");
        RuleFor(r => r.CoHostIds).Must(ids => ids is null || ids.Count <= CommunityEvent.MaxCoHosts)
            .WithMessage($"Name at most {CommunityEvent.MaxCoHosts} co-hosts.");
        RuleFor(r => r.RegistrationQuestions).Must(q => q is null || q.Count <= CommunityEvent.MaxQuestions)
            .WithMessage($"Ask at most {CommunityEvent.MaxQuestions} registration questions.");
        RuleForEach(r => r.RegistrationQuestions)
            .Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("A registration question cannot be empty.")
            .MaximumLength(CommunityEvent.QuestionMaxLength).WithMessage($"A registration question has at most {CommunityEvent.QuestionMaxLength} characters.");
    }

    private static readonly EventRequestValidator _instance = new();

    /// <summary>Reports the request's failures under its own field names (title, endsAt…), not "request.title".</summary>
    public static void Check<T>(EventRequest request, ValidationContext<T> context)
    {
        foreach (var failure in _instance.Validate(request).Errors)
        {
            context.AddFailure(failure);
        }
    }

    // IANA names only (Europe/London): calendars and other systems know them; Windows names they may not.
    private static bool BeATimeZone(string? id) => TimeZoneInfo.TryFindSystemTimeZoneById(id!, out var zone) && zone.HasIanaId;

    private static bool BeAWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
