using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

namespace CommunityOfPractice.Web.Infrastructure;

/// <summary>Razor Pages, who may open which folder, and the order of the request pipeline.</summary>
public static class WebAppSetup
{
    public static void AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new SessionEndedFilter());
            options.Conventions.AuthorizeFolder("/Profile");
            options.Conventions.AuthorizeFolder("/Threads");
            options.Conventions.AuthorizeFolder("/People");
            // Moderators decide who joins (/admin/join-requests, /admin/invitations); the rest of admin is for admins.
            options.Conventions.AuthorizeFolder("/Admin", SignInSetup.ModeratorPolicy);
            foreach (var page in new[] { "/Admin/People", "/Admin/Suspend", "/Admin/Places", "/Admin/Organisations", "/Admin/Statements" })
            {
                options.Conventions.AuthorizePage(page, SignInSetup.AdminPolicy);
            }
        });

        builder.Services.AddScoped<SessionEnding>();

        // The pipeline sets X-Frame-Options: DENY on every response; antiforgery need not add its own.
        builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Behind an ingress or load balancer whose address is not known in advance (containers).
            if (builder.Configuration.GetValue<bool>("ForwardedHeaders:TrustAllProxies"))
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });
    }

    public static void UseWebPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en-GB"),
            SupportedCultures = [new CultureInfo("en-GB")],
            SupportedUICultures = [new CultureInfo("en-GB")],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapRazorPages();
        app.MapReverseProxy();
    }
}
