using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Web.Infrastructure;

public static class ApiAccessSetup
{
    public static void AddApiAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Api:BaseUrl must be an absolute URL, like http://localhost:5081.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddTransient<AccessTokenHandler>();
        services.AddTransient<ForwardedForHandler>();

        services.AddHttpClient<ApiClient>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<ApiOptions>>().Value.BaseUrl;
                client.Timeout = TimeSpan.FromSeconds(15);
            })
            .AddHttpMessageHandler<AccessTokenHandler>()
            .AddHttpMessageHandler<ForwardedForHandler>();
    }
}
