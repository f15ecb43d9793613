using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Library;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Testing;

/// <summary>The library Api as a script uses it: multipart uploads, search, downloads.</summary>
public static class LibraryApi
{
    public static object Metadata(string? title = null, object? extra = null)
    {
        var metadata = new Dictionary<string, object?>
        {
            ["title"] = title ?? $"Learning paper {Guid.NewGuid().ToString()[..8]}",
            ["summary"] = "What we learned funding place-based systemic change.",
            ["type"] = "Report",
            ["authors"] = new[] { "Sam Author" },
            ["publishedOn"] = "2025-06-01",
            ["licence"] = "CC BY 4.0",
            ["visibility"] = "Public",
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra, Json.Options).EnumerateObject())
            {
                metadata[property.Name] = property.Value;
            }
        }

        return metadata;
    }

    public static MultipartFormDataContent Form(object? metadata, byte[]? file, string fileName = "paper.pdf")
    {
        var form = new MultipartFormDataContent();
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata as string ?? JsonSerializer.Serialize(metadata, Json.Options), System.Text.Encoding.UTF8, "application/json"), "metadata");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", fileName);
        }

        return form;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object? metadata, byte[]? file, string fileName = "paper.pdf") =>
        client.PostAsync("/api/v1/papers", Form(metadata, file, fileName));

    public static async Task<PaperDetail> PublishAsync(HttpClient client, byte[]? file, object? metadata = null, string fileName = "paper.pdf")
    {
        using var response = await PostAsync(client, metadata ?? Metadata(), file, fileName);
        await ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadAsync<PaperDetail>();
    }

    public static async Task<PaperDetail> AddVersionAsync(HttpClient client, Guid paperId, byte[] file, string fileName = "paper-v2.pdf")
    {
        using var response = await client.PostAsync($"/api/v1/papers/{paperId}/versions", Form(null, file, fileName));
        await ExpectAsync(response, HttpStatusCode.Created);
        return await response.ReadAsync<PaperDetail>();
    }

    public static async Task<PaperDetail> GetAsync(HttpClient client, Guid paperId)
    {
        using var response = await client.GetAsync($"/api/v1/papers/{paperId}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadAsync<PaperDetail>();
    }

    public static async Task<SearchResults> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/papers?{query}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.ReadAsync<SearchResults>();
    }

    /// <summary>
    /// Waits (up to a minute, or <paramref name="wait"/>) until the background worker has read the given version, then returns
    /// the paper: listens for the worker's signal first, then looks, so no outcome is missed.
    /// </summary>
    public static async Task<PaperDetail> ProcessedAsync(IServiceProvider services, HttpClient client, Guid paperId, int version = 1, TimeSpan? wait = null)
    {
        var signal = services.GetRequiredService<ExtractionSignal>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProcessed(Guid paper, int number, ExtractionStatus status)
        {
            if (paper == paperId && number == version)
            {
                done.TrySetResult();
            }
        }

        signal.VersionProcessed += OnProcessed;
        try
        {
            var paper = await GetAsync(client, paperId);
            if (paper.Versions.Single(v => v.Number == version).Status == ExtractionStatus.Indexing)
            {
                await done.Task.WaitAsync(wait ?? TimeSpan.FromSeconds(60));
                paper = await GetAsync(client, paperId);
            }

            return paper;
        }
        finally
        {
            signal.VersionProcessed -= OnProcessed;
        }
    }

    public static async Task<PaperDetail> PublishIndexedAsync(IServiceProvider services, HttpClient client, byte[] file, object? metadata = null)
    {
        var paper = await PublishAsync(client, file, metadata);
        paper = await ProcessedAsync(services, client, paper.Id);
        return paper.Status == ExtractionStatus.Indexed
            ? paper
            : throw new InvalidOperationException($"Extraction ended {paper.Status}: {paper.Versions[0].ExtractionError}");
    }

    public static async Task<Dictionary<string, Guid>> PlacesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<PlaceRef[]>("/api/v1/places", Json.Options))!.ToDictionary(p => p.Name, p => p.Id);

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
