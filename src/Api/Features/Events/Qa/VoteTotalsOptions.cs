using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Events.Qa;

public sealed class VoteTotalsOptions
{
    /// <summary>At most one totals update per stream per window: 250 ms is four a second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(250);
}
