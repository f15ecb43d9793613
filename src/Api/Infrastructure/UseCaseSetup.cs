using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Live;
using FluentValidation;

namespace CommunityOfPractice.Api.Infrastructure;

public static class UseCaseSetup
{
    public static void AddUseCases(this WebApplicationBuilder builder)
    {
        // Scoped, because handlers use the request's AppDbContext.
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(LivePublishingBehavior<,>)];
        });
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<Features.Threads.PostRenderer>();
        builder.Services.AddScoped<Idempotency>();
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
    }
}
