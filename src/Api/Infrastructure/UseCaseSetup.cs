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
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
    }
}
