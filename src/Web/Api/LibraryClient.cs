using CommunityOfPractice.Contracts.Library;
using Microsoft.AspNetCore.Http.Extensions;

namespace CommunityOfPractice.Web.Api;

/// <summary>What the library search page asks for; every list is "any of". Values are as the query string has them.</summary>
public sealed record PaperSearch(
    string? Q, IReadOnlyList<string> Types, IReadOnlyList<Guid> PlaceIds, IReadOnlyList<string> Stages, IReadOnlyList<Guid> OrganisationIds,
    IReadOnlyList<int> Years, int Page);

/// <summary>A file to send on: read from the browser's upload as it goes.</summary>
public sealed record UploadFile(Stream Content, string FileName);

/// <summary>The learning-paper library calls of the one Api client.</summary>
public sealed partial class ApiClient
{
    public Task<ApiResult<SearchResults>> SearchPapersAsync(PaperSearch search, CancellationToken cancellationToken)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            query.Add("q", search.Q.Trim());
        }

        query.Add("type", search.Types.ToArray());
        query.Add("placeId", search.PlaceIds.Select(p => p.ToString()).ToArray());
        query.Add("stage", search.Stages.ToArray());
        query.Add("organisationId", search.OrganisationIds.Select(o => o.ToString()).ToArray());
        query.Add("year", search.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        if (search.Page > 1)
        {
            query.Add("page", search.Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return SendAsync<SearchResults>(HttpMethod.Get, $"api/v1/papers{query.ToQueryString()}", null, cancellationToken);
    }

    public Task<ApiResult<PaperDetail>> GetPaperAsync(Guid paperId, CancellationToken cancellationToken) =>
        SendAsync<PaperDetail>(HttpMethod.Get, $"api/v1/papers/{paperId}", null, cancellationToken);

    public Task<ApiResult<PaperDetail>> PublishPaperAsync(PublishPaperRequest metadata, UploadFile? file, CancellationToken cancellationToken) =>
        SendAsync<PaperDetail>(HttpMethod.Post, "api/v1/papers", Multipart(metadata, file), cancellationToken);

    public Task<ApiResult<PaperDetail>> AddPaperVersionAsync(Guid paperId, UploadFile file, CancellationToken cancellationToken) =>
        SendAsync<PaperDetail>(HttpMethod.Post, $"api/v1/papers/{paperId}/versions", Multipart(null, file), cancellationToken);

    /// <summary>
    /// The Api's answer for a paper's file, headers read and body not yet: the caller streams it on
    /// (ranges included) and disposes it. Null when the Api did not answer.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenPaperFileAsync(
        Guid paperId, int? version, bool download, IEnumerable<KeyValuePair<string, string>> forwardHeaders, CancellationToken cancellationToken)
    {
        var path = version is null ? $"api/v1/papers/{paperId}/file" : $"api/v1/papers/{paperId}/versions/{version}/file";
        using var request = new HttpRequestMessage(HttpMethod.Get, download ? path + "?download=true" : path);
        foreach (var (name, value) in forwardHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            logger.LogWarning("The Api did not answer GET {Path}: {Reason}", path, exception.Message);
            return null;
        }
    }

    private static MultipartFormDataContent Multipart(PublishPaperRequest? metadata, UploadFile? file)
    {
        var form = new MultipartFormDataContent();
        if (metadata is not null)
        {
            form.Add(JsonContent.Create(metadata, options: _json), "metadata");
        }

        if (file is not null)
        {
            var content = new StreamContent(file.Content, 64 * 1024);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", file.FileName);
        }

        return form;
    }
}
