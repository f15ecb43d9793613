namespace CommunityOfPractice.Api.Tests.Live;

/// <summary>
/// One Api on real Kestrel (real sockets, real WebSockets) for the live tests; every test makes
/// its own people and threads. Runs beside the in-memory <see cref="ApiCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveServer>
{
    public const string Name = "Live";
}

public sealed class LiveServer : ApiFactory
{
    public LiveServer() => ListenOnFreePort();
}
