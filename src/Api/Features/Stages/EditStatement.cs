using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Stages;

/// <summary>
/// An admin rewords a statement or moves it to another stage (where it goes to the end). A
/// change of meaning is better made by retiring the statement and adding a new one, so that
/// answers already given keep what they answered.
/// </summary>
public static class EditStatement
{
    public sealed record Command(Guid StatementId, FrameworkStage Stage, string Text) : ICommand<ManagedStatement>, ITransactional;

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
            var statement = await db.StatementAsync(command.StatementId, cancellationToken);
            var order = statement.Stage == command.Stage ? statement.Order : await db.NextOrderAsync(command.Stage, cancellationToken);
            statement.Edit(command.Stage, command.Text, order);
            await db.SaveChangesAsync(cancellationToken);
            return statement.ToManaged();
        }
    }
}
