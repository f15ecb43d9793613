namespace CommunityOfPractice.Web.Api;

/// <summary>A file the Api made (calendar, CSV, Markdown).</summary>
public sealed record ApiFile(byte[] Content, string ContentType, string FileName);
