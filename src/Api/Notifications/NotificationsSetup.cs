namespace CommunityOfPractice.Api.Notifications;

public static class NotificationsSetup
{
    /// <summary>In-app notifications, their emails and digests (<c>Notifications:*</c>), and the members' own streams.</summary>
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationMailSignal>();
        services.AddSingleton<NotificationLinks>();
        services.AddScoped<Notifier>();
        services.AddScoped<IStreamPolicy, MemberStreamPolicy>();
        services.AddHostedService<NotificationFanOut>();
        services.AddHostedService<NotificationMailer>();
    }
}
