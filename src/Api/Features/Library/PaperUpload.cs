using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityOfPractice.Api.Features.Library.Reading;
using CommunityOfPractice.Domain.Library;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>A file received to a temporary place (never whole in memory), with its hash and size; deleted on dispose.</summary>
public sealed class ReceivedFile(string path, string fileName, long sizeBytes, string sha256) : IDisposable
{
    public string Path { get; } = path;
    public string FileName { get; } = fileName;
    public long SizeBytes { get; } = sizeBytes;
    public string Sha256 { get; } = sha256;

    public void Dispose() => File.Delete(Path);
}

/// <summary>What a multipart upload carried: the JSON "metadata" part and the "file" part.</summary>
public sealed class ReceivedUpload : IDisposable
{
    public string? Metadata { get; init; }
    public ReceivedFile? File { get; init; }

    public void Dispose() => File?.Dispose();
}

/// <summary>
/// Reads multipart/form-data straight from the request body: the file part is streamed to a
/// temporary file while its SHA-256 is computed, and the upload stops as soon as it passes the
/// size limit (413), so a 2 GB body costs neither memory nor disk.
/// </summary>
public static class PaperUpload
{
    private const int MetadataMaxBytes = 64 * 1024;

    public static async Task<ReceivedUpload> ReceiveAsync(HttpRequest request, LibraryOptions options, string incomingFolder, CancellationToken cancellationToken)
    {
        var limit = options.MaxUploadBytes;
        if (request.ContentLength > limit + MetadataMaxBytes + 16 * 1024)
        {
            throw TooLarge(limit);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + MetadataMaxBytes + 16 * 1024;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new UnsupportedContentException("body",
                "Send multipart/form-data with a \"metadata\" part (JSON) and a \"file\" part (the PDF).");
        }

        string? metadata = null;
        ReceivedFile? file = null;
        try
        {
            return await ReadPartsAsync();
        }
        catch (Exception exception) when (exception is InvalidDataException or (IOException and not BadHttpRequestException)
            && !cancellationToken.IsCancellationRequested)
        {
            file?.Dispose();
            throw new ValidationException([new ValidationFailure("body",
                "The upload could not be read as multipart/form-data. Send a \"metadata\" part and a \"file\" part.")]);
        }
        catch
        {
            file?.Dispose();
            throw;
        }

        async Task<ReceivedUpload> ReadPartsAsync()
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "metadata" && metadata is null)
                {
                    metadata = await ReadTextAsync(section.Body, cancellationToken);
                }
                else if (name == "file" && file is null)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                        ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "paper.pdf";
                    file = await SpoolAsync(section.Body, fileName, limit, incomingFolder, cancellationToken);
                }
            }

            return new ReceivedUpload { Metadata = metadata, File = file };
        }
    }

    /// <summary>
    /// Checks by content, not by name or declared type: PDF magic bytes (else 415), then the PDF
    /// reader (a child process with its own memory and time budget) must open it, count its pages
    /// and parse the first (else 400), and they must be at most <paramref name="maxPages"/> (else
    /// 400, naming the limit). Returns the page count.
    /// </summary>
    public static async Task<int> InspectPdfAsync(ReceivedFile file, int maxPages, PdfReader reader, CancellationToken cancellationToken)
    {
        if (file.SizeBytes == 0)
        {
            throw new ValidationException([new ValidationFailure("file", "The file is empty. Choose the PDF again.")]);
        }

        var head = new byte[5];
        await using (var stream = File.OpenRead(file.Path))
        {
            if (await stream.ReadAtLeastAsync(head, 5, throwOnEndOfStream: false, cancellationToken) < 5 || !head.AsSpan().SequenceEqual("%PDF-"u8))
            {
                throw new UnsupportedContentException("file", "This file is not a PDF. Only PDF files can be uploaded.");
            }
        }

        int pageCount;
        try
        {
            pageCount = await reader.CountPagesAsync(file.Path, cancellationToken);
        }
        catch (PdfUnreadableException exception)
        {
            throw new ValidationException([new ValidationFailure("file", exception.Reason == PdfReadFailure.Unreadable
                ? "This PDF is damaged and could not be opened. Export it again and retry."
                : exception.Message)]);
        }

        return pageCount <= maxPages
            ? pageCount
            : throw new ValidationException([new ValidationFailure("file", string.Create(CultureInfo.InvariantCulture,
                $"This PDF has {pageCount:N0} pages; the library takes PDFs of up to {maxPages:N0} pages. Split it into parts, or share a link to it instead."))]);
    }

    /// <summary>A name safe in Content-Disposition and on any disk: letters, digits, dot, dash, underscore; ends in .pdf.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = System.IO.Path.GetFileName(fileName.Replace('\\', '/'));
        var builder = new StringBuilder(name.Length);
        foreach (var c in System.IO.Path.GetFileNameWithoutExtension(name))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        var stem = builder.ToString().Trim('-', '.');
        if (stem.Length == 0)
        {
            stem = "paper";
        }

        return (stem.Length > PaperVersion.FileNameMaxLength - 4 ? stem[..(PaperVersion.FileNameMaxLength - 4)] : stem) + ".pdf";
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MetadataMaxBytes)
            {
                throw new ValidationException([new ValidationFailure("metadata", "The metadata part is larger than 64 KB.")]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task<ReceivedFile> SpoolAsync(Stream body, string fileName, long limit, string folder, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(folder, $"upload-{Guid.NewGuid():N}");
        long size = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        throw TooLarge(limit);
                    }

                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new ReceivedFile(path, SafeFileName(fileName), size, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static PayloadTooLargeException TooLarge(long limit) =>
        new($"The file is larger than {limit / (1024 * 1024)} MB, the most the library accepts.");
}
