using System.Text.RegularExpressions;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Testing;

namespace CommunityOfPractice.Architecture.Tests;

/// <summary>
/// One use case, one file, named by its verb phrase: a Mediator handler is nested in a static
/// class that has its file's name (PostReply.cs → static class PostReply { Command; Handler }).
/// </summary>
public sealed partial class UseCaseFileTests
{
    private static readonly string[] _handlerInterfaces = ["ICommandHandler`1", "ICommandHandler`2", "IQueryHandler`2", "IRequestHandler`1", "IRequestHandler`2"];

    [Fact]
    public void Every_handler_is_nested_in_the_static_class_its_file_is_named_after()
    {
        var sources = Directory.GetFiles(RepositoryRoot.Combine("src", "Api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToList();
        var handlers = typeof(AppDbContext).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("CommunityOfPractice.Api", StringComparison.Ordinal) == true
                && type.GetInterfaces().Any(i => i.Namespace == "Mediator" && _handlerInterfaces.Contains(i.Name)))
            .ToList();

        Assert.NotEmpty(handlers);
        var problems = new List<string>();
        foreach (var handler in handlers)
        {
            var useCase = handler;
            while (useCase.DeclaringType is not null)
            {
                useCase = useCase.DeclaringType;
            }

            if (useCase == handler || !(useCase.IsAbstract && useCase.IsSealed))
            {
                problems.Add($"{handler.FullName} is not nested in a static use-case class");
                continue;
            }

            var declaring = sources.Where(s => Regex.IsMatch(s.Text, $@"\bstatic\s+(partial\s+)?class\s+{useCase.Name}\b")).Select(s => s.Path).ToList();
            if (declaring is not [var file] || Path.GetFileNameWithoutExtension(file) != useCase.Name)
            {
                problems.Add($"{useCase.FullName} is declared in {string.Join(", ", declaring.Select(Path.GetFileName))}, not in {useCase.Name}.cs alone");
            }
        }

        Assert.Empty(problems.Distinct());
    }

    [Theory]
    [InlineData("Queries.cs")]
    [InlineData("Views.cs")]
    [InlineData("Helpers.cs")]
    public void No_file_hides_several_use_cases_behind_a_generic_name(string suffix)
    {
        var generic = Directory.GetFiles(RepositoryRoot.Combine("src", "Api", "Features"), "*.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileName).Where(name => name!.EndsWith(suffix, StringComparison.Ordinal)).ToList();

        Assert.Empty(generic);
    }
}
