using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>
/// One statement of the guided self-assessment ("We share space with other organisations in the
/// place"), answered on a 1–5 scale. Statements are data that admins edit; a statement that has
/// been answered is retired rather than deleted, so old answers keep their meaning.
/// </summary>
public sealed class AssessmentStatement
{
    public const int TextMaxLength = 300;

    private AssessmentStatement(Guid id, FrameworkStage stage, string text, int order)
    {
        Id = id;
        Stage = stage;
        Text = text;
        Order = order;
    }

    public Guid Id { get; private set; }
    public FrameworkStage Stage { get; private set; }
    public string Text { get; private set; }

    /// <summary>Position among the statements of its stage.</summary>
    public int Order { get; private set; }

    public bool IsActive { get; private set; }

    public static AssessmentStatement Create(FrameworkStage stage, string text, int order) =>
        new(Guid.CreateVersion7(), RequireStage(stage), RequireText(text), order) { IsActive = true };

    public void Edit(FrameworkStage stage, string text, int order)
    {
        Stage = RequireStage(stage);
        Text = RequireText(text);
        Order = order;
    }

    public void Retire() => IsActive = false;

    public void Restore() => IsActive = true;

    private static FrameworkStage RequireStage(FrameworkStage stage) =>
        Enum.IsDefined(stage) ? stage : throw new DomainException("A statement belongs to one of the five stages.");

    private static string RequireText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is 0 or > TextMaxLength
            ? throw new DomainException($"A statement has 1 to {TextMaxLength} characters.")
            : trimmed;
    }
}
