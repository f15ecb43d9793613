using CommunityOfPractice.Api.Data.Seeding;
using CommunityOfPractice.Api.Features.Library.Reading;
using CommunityOfPractice.Api.Features.Library.Storage;
using Microsoft.Extensions.Options;
using Minio;

namespace CommunityOfPractice.Api.Features.Library;

public static class LibrarySetup
{
    /// <summary>Storage (local disk, or S3 when Library:S3:Endpoint is set), the upload helpers and the extraction worker.</summary>
    public static void AddLibrary(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.Section)
            .Validate(o => o.MaxUploadBytes > 0, "Library:MaxUploadBytes must be positive.")
            .Validate(o => o.Reader.MaxConcurrent > 0 && o.Reader.MemoryLimitMegabytes >= 64 && o.Reader.MaxTextCharacters > 0,
                "Library:Reader needs MaxConcurrent > 0, MemoryLimitMegabytes >= 64 and MaxTextCharacters > 0.")
            .ValidateOnStart();
        services.AddSingleton<IPaperStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<LibraryOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.S3.Endpoint))
            {
                var root = Path.Combine(provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath, options.StoragePath);
                return new LocalDiskPaperStorage(root);
            }

            var client = new MinioClient().WithEndpoint(options.S3.Endpoint).WithCredentials(options.S3.AccessKey, options.S3.SecretKey)
                .WithSSL(options.S3.UseSsl).Build();
            return new MinioPaperStorage(client, options.S3.Bucket);
        });
        services.AddSingleton<PdfReader>();
        services.AddScoped<PaperFiles>();
        services.AddSingleton<ExtractionSignal>();
        services.AddHostedService<ExtractionWorker>();
    }
}
