using CommunityOfPractice.Contracts.Community;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>How joining works here (<c>Community:Joining</c>), so the register form asks for a join request only when one is needed.</summary>
public static class GetJoiningRules
{
    public sealed record Query : IQuery<JoiningRules>;

    internal sealed class Handler(IOptions<JoiningOptions> options) : IQueryHandler<Query, JoiningRules>
    {
        public ValueTask<JoiningRules> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new JoiningRules(options.Value.Joining));
    }
}
