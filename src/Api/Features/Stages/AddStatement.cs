using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>An admin adds a statement to a stage of the guided self-assessment, at the end of that stage's list.</summary>
public static class AddStatement
{
    public sealed record Command(FrameworkStage Stage, string Text) : ICommand<ManagedStatement>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose one of the five framework stages.");
            RuleFor(c => c.Text).StatementText();
        }
    }

    internal sealed class Handler(AppDbContext db) : ICommandHandler<Command, ManagedStatement>
    {
        public async ValueTask<ManagedStatement> Handle(Command command, CancellationToken cancellationToken)
        {
            var statement = AssessmentStatement.Create(command.Stage, command.Text, await db.NextOrderAsync(command.Stage, cancellationToken));
            db.AssessmentStatements.Add(statement);
            await db.SaveChangesAsync(cancellationToken);
            return statement.ToManaged();
        }
    }
}
