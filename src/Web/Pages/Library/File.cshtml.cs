using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Web.Pages.Library;

/// <summary>
/// A paper's PDF through the Web (/Library/Papers/{id}/file, …/versions/{n}/file): the Api decides
/// who may have it, with the session's token; the bytes stream through with range requests intact,
/// so a browser can open page N of a large PDF without fetching all of it.
/// </summary>
public sealed class FileModel(ApiClient api) : PageModel
{
    private static readonly string[] _requestHeaders = ["Range", "If-Range", "If-None-Match", "If-Modified-Since"];
    private static readonly string[] _responseHeaders = ["Accept-Ranges", "ETag", "Last-Modified"];
    private static readonly string[] _contentHeaders = ["Content-Type", "Content-Length", "Content-Range", "Content-Disposition"];

    public async Task<IActionResult> OnGetAsync(Guid id, string section, string? rest, bool download, CancellationToken cancellationToken)
    {
        int? version = null;
        string[] parts = [section, .. (rest ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries)];
        if (parts is ["versions", var number, "file"] && int.TryParse(number, out var n) && n > 0)
        {
            version = n;
        }
        else if (parts is not ["file"])
        {
            return NotFound();
        }

        var forward = _requestHeaders.SelectMany(name => Request.Headers[name].Select(value => KeyValuePair.Create(name, value ?? string.Empty)));
        var response = await api.OpenPaperFileAsync(id, version, download, forward, cancellationToken);
        if (response is null)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        HttpContext.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotModified
            && response.StatusCode != System.Net.HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // 404 for papers the person may not see, like papers that do not exist.
            return StatusCode((int)response.StatusCode);
        }

        return new StreamedFile(response);
    }

    private sealed class StreamedFile(HttpResponseMessage response) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var target = context.HttpContext.Response;
            target.StatusCode = (int)response.StatusCode;
            // Not the pages' policy (object-src 'none' would keep the browser's PDF viewer from
            // showing the file) but the one for files from uploaders: sandboxed, loading nothing.
            target.Headers.ContentSecurityPolicy = PaperFileHeaders.ContentSecurityPolicy;
            target.Headers.XContentTypeOptions = PaperFileHeaders.ContentTypeOptions;
            foreach (var name in _responseHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    target.Headers[name] = values.ToArray();
                }
            }

            foreach (var name in _contentHeaders)
            {
                if (response.Content.Headers.TryGetValues(name, out var values))
                {
                    target.Headers[name] = values.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted);
            await body.CopyToAsync(target.Body, context.HttpContext.RequestAborted);
        }
    }
}
