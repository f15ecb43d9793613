namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// The demo community (Seed:Demo=true), seeded after the reference data, the sign-in clients
/// and the admin, and in the order its story needs: people and organisations (and one applicant waiting for approval), then their papers,
/// then the events and threads that link those papers, then the stage histories whose evidence
/// points at all of them.
/// </summary>
public static class DemoSetup
{
    public static void AddDemoContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ISeeder, DemoContentSeeder>();
        builder.Services.AddScoped<ISeeder, DemoJoinRequestSeeder>();
        builder.Services.AddScoped<ISeeder, DemoLibrarySeeder>();
        builder.Services.AddScoped<ISeeder, DemoEventsSeeder>();
        builder.Services.AddScoped<ISeeder, DemoJourneySeeder>();
    }
}
