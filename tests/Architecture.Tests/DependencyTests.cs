extern alias web;

using System.Reflection;
using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Common;
using NetArchTest.Rules;

namespace CommunityOfPractice.Architecture.Tests;

/// <summary>What may reference what (docs/architecture.md): the rules a reviewer would otherwise have to remember.</summary>
public sealed class DependencyTests
{
    private const string Features = "CommunityOfPractice.Api.Features";

    private static readonly Assembly _domain = typeof(DomainException).Assembly;
    private static readonly Assembly _contracts = typeof(ApiJson).Assembly;
    private static readonly Assembly _api = typeof(AppDbContext).Assembly;
    private static readonly Assembly _web = typeof(web::Program).Assembly;

    [Fact]
    public void The_domain_references_nothing_but_the_base_class_library()
    {
        var references = _domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name is "netstandard" or "mscorlib" || name == "System" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Domain references {name}"));
        // Compiler-made helpers (collection expressions, constant data) have names starting with "<".
        AssertKept(Types.InAssembly(_domain).That().DoNotHaveNameStartingWith("<").Should().OnlyHaveDependenciesOn("System", "CommunityOfPractice.Domain"));
    }

    [Fact]
    public void Contracts_reference_only_the_domain()
    {
        var references = _contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CommunityOfPractice.", StringComparison.Ordinal));

        Assert.All(references, name => Assert.Equal("CommunityOfPractice.Domain", name));
    }

    [Fact]
    public void The_web_does_not_reference_the_api()
    {
        Assert.DoesNotContain(_web.GetReferencedAssemblies(), a => a.Name == "CommunityOfPractice.Api");
        AssertKept(Types.InAssembly(_web).ShouldNot().HaveDependencyOn("CommunityOfPractice.Api"));
    }

    public static TheoryData<string> Areas()
    {
        var data = new TheoryData<string>();
        foreach (var area in FeatureAreas())
        {
            data.Add(area);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void A_feature_area_imports_no_other_area(string area)
    {
        // No area's name starts another's, so matching namespaces by prefix is exact here, and
        // "Features.Events" covers "Features.Events.Qa".
        var others = FeatureAreas().Where(other => other != area).Select(other => $"{Features}.{other}").ToArray();

        AssertKept(Types.InAssembly(_api).That().ResideInNamespace($"{Features}.{area}").ShouldNot().HaveDependencyOnAny(others));
    }

    [Fact]
    public void There_are_feature_areas_to_check()
    {
        Assert.Contains("Threads", FeatureAreas());
        Assert.Contains("Events", FeatureAreas());
        Assert.Contains("Library", FeatureAreas());
    }

    private static IReadOnlyList<string> FeatureAreas() =>
        [.. _api.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(ns => ns.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Features.Length + 1)..].Split('.')[0])
            .Distinct().Order(StringComparer.Ordinal)];

    private static void AssertKept(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
