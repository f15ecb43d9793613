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
        Assert.Contains("Oidc:SigningCertificate:Path and Oidc:EncryptionCertificate:Path are not set.", messages, StringComparison.Ordinal);
        Assert.Contains("Oidc:UseDevelopmentCertificates=true", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_certificate_for_signing_and_encrypting_is_refused()
    {
        var shared = Certificate("Both jobs");
        await using var api = new ProductionApi();
        api.WithSetting("Oidc:SigningCertificate:Path", shared).WithSetting("Oidc:EncryptionCertificate:Path", shared);

        var error = await Assert.ThrowsAnyAsync<Exception>(api.InitializeAsync);

        Assert.Contains("hold the same key", string.Join(" | ", Unwrap(error).Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_single_certificate_setting_is_refused_with_the_two_that_replace_it()
    {
        await using var api = new ProductionApi();
        api.WithSetting("Oidc:Certificate:Path", Certificate("Old"));

        var error = await Assert.ThrowsAnyAsync<Exception>(api.InitializeAsync);

        var messages = string.Join(" | ", Unwrap(error).Select(e => e.Message));
        Assert.Contains("Oidc:SigningCertificate:Path", messages, StringComparison.Ordinal);
        Assert.Contains("Oidc:EncryptionCertificate:Path", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Separate_signing_and_encryption_certificates_start_it_and_the_signing_key_is_published()
    {
        var signing = Certificate("Signing");
        await using var api = new ProductionApi();
        api.WithSetting("Oidc:SigningCertificate:Path", signing).WithSetting("Oidc:EncryptionCertificate:Path", Certificate("Encryption"))
            .WithSetting("Oidc:AllowHttp", "true");

        await api.InitializeAsync();

        var keys = await api.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/jwks");
        var published = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        using var expected = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(signing, null);
        Assert.Equal(expected.Thumbprint, Convert.ToHexString(Base64UrlDecode(published.GetProperty("x5t").GetString()!)));
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

    // A throwaway PFX with its own RSA key, in this test run's temporary folder.
    private static string Certificate(string name)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            $"CN={name}", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"cop-oidc-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return path;
    }

    private static byte[] Base64UrlDecode(string text) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(text);

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
