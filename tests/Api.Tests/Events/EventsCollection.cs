using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Events;

/// <summary>
/// One Api on real Kestrel for the events and Q&amp;A tests (hundreds of members race for seats and
/// votes, and the hub needs real WebSockets). Every test makes its own people and events.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EventsCollection : ICollectionFixture<EventsServer>
{
    public const string Name = "Events";
}

public sealed class EventsServer : ApiFactory
{
    public EventsServer() => ListenOnFreePort();

    /// <summary>Members for concurrency tests, made in parallel but not all at once.</summary>
    public async Task<TestMember[]> JoinManyAsync(int count, string name)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await Community.JoinAsync(CreateClient, $"{name} {i}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Hundreds of test members: password hashing at full strength would dominate these tests
        // and prove nothing about events. Sign-in itself is tested elsewhere at full strength.
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
    }
}
