namespace CommunityOfPractice.Api.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>The outbox and its sender (<c>Email:*</c>); nothing is sent from a handler directly.</summary>
    public static void AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddHostedService<OutboxSender>();
    }
}
