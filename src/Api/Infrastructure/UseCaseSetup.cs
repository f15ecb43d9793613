using CommunityOfPractice.Api.Infrastructure.Validation;

namespace CommunityOfPractice.Api.Infrastructure;

public static class UseCaseSetup
{
    public static void AddUseCases(this WebApplicationBuilder builder)
    {
        // Scoped, because handlers use the request's AppDbContext. Behaviours run in this order,
        // the first outermost: validate, then (for commands that append live events) send after
        // commit, then the transaction, then the idempotency key claimed inside it.
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(ValidationBehavior<,>),
                typeof(LivePublishingBehavior<,>),
                typeof(TransactionBehavior<,>),
                typeof(IdempotencyBehavior<,>),
            ];
        });
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<Audit.AuditLog>();
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
    }
}
