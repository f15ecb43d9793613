namespace CommunityOfPractice.Contracts.Library;

/// <summary>What every response carrying a paper's PDF says about it, from the Api and through the Web alike.</summary>
public static class PaperFileHeaders
{
    /// <summary>
    /// A PDF comes from whoever uploaded it, so it is opened as a sandboxed document of its own:
    /// <c>sandbox</c> gives it an opaque origin with no scripts, forms, popups or top navigation
    /// (a PDF's JavaScript or a file that a browser would sniff as HTML cannot act as this site),
    /// <c>default-src 'none'</c> lets it load nothing, and it is never framed. Chromium's built-in
    /// viewer still opens an inline PDF under this policy at the top level, as without it (it
    /// refuses PDFs in sandboxed iframes, which this site does not use); Safari may show an empty
    /// page instead, where the paper page's Download link stays the way
    /// (docs/decisions/0013-pdfs-are-read-in-a-child-process.md).
    /// </summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    /// <summary>The declared type is the only one: never sniffed into HTML.</summary>
    public const string ContentTypeOptions = "nosniff";
}
