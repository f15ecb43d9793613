using System.Text;
using CommunityOfPractice.Api.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// What account emails are made of: the absolute addresses they link to (the Api's own pages, and
/// the Web's sign-in), Identity's tokens carried in those links as URL-safe codes, and the name
/// they greet the person by.
/// </summary>
internal static class AccountLinks
{
    public static string ApiBase(IConfiguration configuration) => (configuration["Api:PublicUrl"] ?? "http://localhost:5081").TrimEnd('/');

    public static string SignIn(IConfiguration configuration) =>
        $"{(configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split([';', ','])[0].TrimEnd('/')}/Account/SignIn";

    /// <summary>An Identity token as it travels in a link.</summary>
    public static string Code(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token a link's code carries; false for a code that was cut or changed so far it is not one.</summary>
    public static bool TryReadCode(string code, out string token)
    {
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return token.Length > 0;
        }
        catch (FormatException)
        {
            token = string.Empty;
            return false;
        }
    }

    /// <summary>The display name to greet an account by, or its address when it has no member profile.</summary>
    public static async Task<string> NameToGreetAsync(this AppDbContext db, AppUser user, CancellationToken cancellationToken) =>
        await db.Members.Where(m => m.Id == user.Id).Select(m => m.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? user.Email ?? string.Empty;
}
