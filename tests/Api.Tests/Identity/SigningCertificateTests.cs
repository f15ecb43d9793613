using Microsoft.AspNetCore.Hosting;

namespace CommunityOfPractice.Api.Tests.Identity;

/// <summary>An Api started as it would be in production.</summary>
public sealed class ProductionApi : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Outside Development the Api does not quietly sign tokens with this machine's development certificate.</summary>
public sealed class SigningCertificateTests
{
    [Fact]
    public async Task A_production_start_without_a_signing_certificate_stops_and_says_which_setting_is_missing()
    {
        await using var api = new ProductionApi();

        var error = await Assert.ThrowsAnyAsync<Exception>(api.InitializeAsync);

        var messages = string.Join(" | ", Unwrap(error).Select(e => e.Message));
        Assert.Contains("Oidc:Certificate:Path is not set.", messages, StringComparison.Ordinal);
        Assert.Contains("Oidc:UseDevelopmentCertificates=true", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_certificates_can_be_chosen_outside_development_on_purpose()
    {
        await using var api = new ProductionApi();
        api.WithSetting("Oidc:UseDevelopmentCertificates", "true");

        api.WithSetting("Oidc:AllowHttp", "true");

        await api.InitializeAsync();

        // It starts, and publishes the key it signs with.
        var keys = await api.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/jwks");
        Assert.NotEqual(0, keys.GetProperty("keys").GetArrayLength());
    }

    private static IEnumerable<Exception> Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap))
                {
                    yield return inner;
                }
            }
        }
    }
}
