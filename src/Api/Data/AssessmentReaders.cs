using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Data;

/// <summary>
/// Who may read which stage assessment: the one rule the organisation page and the funder's
/// portfolio both apply, kept here so that they cannot drift apart. A reader is known by the
/// organisations they are an approved member of.
/// </summary>
internal static class AssessmentReaders
{
    /// <summary>The organisations the caller is an approved member of (none for a visitor).</summary>
    public static async Task<IReadOnlySet<Guid>> ApprovedOrganisationsOfAsync(this AppDbContext db, Caller caller, CancellationToken cancellationToken) =>
        caller.MemberId is { } memberId
            ? (await db.OrganisationMemberships
                .Where(m => m.MemberId == memberId && m.Status == MembershipStatus.Approved)
                .Select(m => m.OrganisationId)
                .ToListAsync(cancellationToken)).ToHashSet()
            : new HashSet<Guid>();

    /// <summary>
    /// Whether a reader who belongs to <paramref name="readersOrganisations"/> may see the assessment:
    /// the community's are for everyone; funder-only ones for the organisation and the funders it named;
    /// private ones for the organisation's own members. Site roles give no way round this.
    /// </summary>
    public static bool MayRead(this IReadOnlySet<Guid> readersOrganisations, StageAssessment assessment) =>
        readersOrganisations.MayRead(assessment.Visibility, assessment.OrganisationId, assessment.FunderIds);

    /// <summary>The same rule for a projection that read only these fields.</summary>
    public static bool MayRead(
        this IReadOnlySet<Guid> readersOrganisations, AssessmentVisibility visibility, Guid organisationId, IReadOnlyCollection<Guid> funderIds) =>
        visibility switch
        {
            AssessmentVisibility.Community => true,
            AssessmentVisibility.Funders => readersOrganisations.Contains(organisationId) || funderIds.Any(readersOrganisations.Contains),
            _ => readersOrganisations.Contains(organisationId),
        };
}
