using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Identity;

/// <summary>Reset links of their own kind: valid for one hour (email confirmation links keep Identity's default).</summary>
public sealed class PasswordResetTokens(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions()
    {
        Name = PasswordResetTokens.ProviderName;
        TokenLifespan = TimeSpan.FromHours(1);
    }
}
