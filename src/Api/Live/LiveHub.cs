using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommunityOfPractice.Api.Live;

/// <summary>
/// The one hub for live updates (threads, Q&amp;A). Only signed-in people connect; which streams they
/// may read is checked on every subscribe (the threads issue adds Subscribe/Unsubscribe).
/// </summary>
[Authorize]
public sealed class LiveHub : Hub
{
    public const string Path = "/hubs/live";
}
