using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Contracts;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Data.Seeding;

public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Community admin";
}

/// <summary>The first admin comes from configuration (Admin__Email / Admin__Password).</summary>
internal sealed class AdminSeeder(AccountFactory accounts, IOptions<AdminOptions> options, ILogger<AdminSeeder> logger) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrWhiteSpace(admin.Password))
        {
            logger.LogWarning("No first admin configured (Admin__Email, Admin__Password): nobody can manage roles yet");
            return;
        }

        await accounts.EnsureAsync(admin.Email, admin.Password, admin.DisplayName, [Roles.Admin], cancellationToken);
    }
}
