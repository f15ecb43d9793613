namespace CommunityOfPractice.Api.Features.Account;

/// <summary>The absolute addresses account emails and pages link to: the Api's own pages, and the Web's sign-in.</summary>
internal static class AccountLinks
{
    public static string ApiBase(IConfiguration configuration) => (configuration["Api:PublicUrl"] ?? "http://localhost:5081").TrimEnd('/');

    public static string SignIn(IConfiguration configuration) =>
        $"{(configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split([';', ','])[0].TrimEnd('/')}/Account/SignIn";
}
