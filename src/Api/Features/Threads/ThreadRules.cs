using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>The validation rules the thread use cases share.</summary>
internal static class ThreadRules
{
    public static IRuleBuilderOptions<T, string> ThreadBody<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write something first.")
            .MaximumLength(Post.BodyMaxLength).WithMessage($"A post has at most {Post.BodyMaxLength:N0} characters.");
}
