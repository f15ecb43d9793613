namespace CommunityOfPractice.Api.Features.Account;

public static class AccountSetup
{
    /// <summary>How people join (<c>Community:Joining</c>), checked at start so a typo fails loudly.</summary>
    public static void AddAccount(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JoiningOptions>().BindConfiguration(JoiningOptions.Section)
            .Validate(o => Enum.IsDefined(o.Joining), "Community:Joining must be Approval or Open.")
            .ValidateOnStart();
    }
}
