using System.Globalization;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>How organisations and their assessments read on the pages: kinds, methods, visibility, evidence links, dates.</summary>
public static class OrganisationText
{
    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<OrganisationKind> Kinds { get; } = Enum.GetValues<OrganisationKind>();

    /// <summary>The five points of the guided self-assessment's scale, 1 to 5.</summary>
    public static IReadOnlyList<(int Value, string Label)> Scale { get; } =
        [(1, "Not yet"), (2, "A little"), (3, "Partly"), (4, "Mostly"), (5, "Fully")];

    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CommunityGroup => "Community group",
        OrganisationKind.ThinkTank => "Think tank",
        OrganisationKind.SocialEnterprise => "Social enterprise",
        OrganisationKind.InfrastructureBody => "Infrastructure body",
        _ => kind.ToString(),
    };

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", _uk);

    /// <summary>"Guided self-assessment: suggested Connection, confirmed", or "Stated".</summary>
    public static string Method(AssessmentView assessment) => assessment.Method switch
    {
        AssessmentMethod.GuidedConfirmed => $"Guided self-assessment: suggested {assessment.SuggestedStage}, confirmed",
        AssessmentMethod.GuidedOverridden => $"Guided self-assessment: suggested {assessment.SuggestedStage}, overridden to {assessment.Stage}",
        _ => "Stated by the organisation",
    };

    public static string? Visibility(AssessmentVisibility visibility) => visibility switch
    {
        AssessmentVisibility.Funders => "Shared with named funders only",
        AssessmentVisibility.Private => "Private to the organisation",
        _ => null,
    };

    /// <summary>Where a piece of evidence links to, and what the link says.</summary>
    public static (string Href, string Text) Evidence(EvidenceView evidence) => evidence.Kind switch
    {
        EvidenceKind.Paper => ($"/Library/Papers/{evidence.TargetId}", "A paper in the library"),
        EvidenceKind.Thread => ($"/Threads/{evidence.TargetId}", "A discussion"),
        EvidenceKind.Event => ($"/Events/{evidence.TargetId}", "An event"),
        _ => (evidence.Url ?? "#", evidence.Url ?? "A page elsewhere"),
    };

    /// <summary>
    /// Reads one line of the evidence box: a link to a paper, thread or event here (its page's
    /// address, or "paper:", "thread:", "event:" and its id), or any other http(s) address.
    /// Null when the line is neither.
    /// </summary>
    public static EvidenceRequest? ParseEvidence(string line, string siteHost)
    {
        var text = line.Trim();
        var colon = text.IndexOf(':');
        if (colon > 0 && Guid.TryParse(text[(colon + 1)..], out var named))
        {
            return text[..colon].ToLowerInvariant() switch
            {
                "paper" => new EvidenceRequest(EvidenceKind.Paper, named, null),
                "thread" => new EvidenceRequest(EvidenceKind.Thread, named, null),
                "event" => new EvidenceRequest(EvidenceKind.Event, named, null),
                _ => null,
            };
        }

        var isHere = text.StartsWith('/');
        if (!isHere && !(Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"))
        {
            return null;
        }

        var uri = isHere ? new Uri(new Uri("http://here"), text) : new Uri(text);
        if (isHere || string.Equals(uri.Host, siteHost, StringComparison.OrdinalIgnoreCase))
        {
            var segments = uri.AbsolutePath.Trim('/').ToLowerInvariant().Split('/');
            var here = segments switch
            {
                ["library", "papers", var id] when Guid.TryParse(id, out var paper) => new EvidenceRequest(EvidenceKind.Paper, paper, null),
                ["threads", var id] when Guid.TryParse(id, out var thread) => new EvidenceRequest(EvidenceKind.Thread, thread, null),
                ["events", var id] when Guid.TryParse(id, out var happening) => new EvidenceRequest(EvidenceKind.Event, happening, null),
                _ => null,
            };
            if (here is not null || isHere)
            {
                return here;
            }
        }

        return new EvidenceRequest(EvidenceKind.Url, null, text);
    }

    /// <summary>The evidence box's text for evidence already recorded (when correcting an entry).</summary>
    public static string EvidenceLine(EvidenceView evidence) => evidence.Kind switch
    {
        EvidenceKind.Url => evidence.Url ?? string.Empty,
        _ => $"{evidence.Kind.ToString().ToLowerInvariant()}:{evidence.TargetId}",
    };
}
