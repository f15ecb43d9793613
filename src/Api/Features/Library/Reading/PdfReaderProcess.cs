using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CommunityOfPractice.Api.Features.Library.Reading;

/// <summary>
/// The side of <see cref="PdfReader"/> that touches the file: the Api's own executable started as
/// <c>dotnet CommunityOfPractice.Api.dll read-pdf inspect|extract &lt;path&gt;</c>, in a child
/// process with its own heap limit, so a file built to exhaust memory or the stack ends this
/// process, never the Api. It writes JSON lines on stdout:
/// <list type="bullet">
/// <item><c>inspect</c>: <c>{"pages":N}</c> once page 1 has been parsed;</item>
/// <item><c>extract</c>: <c>{"page":n,"text":"…"}</c> per page, then <c>{"pages":N}</c>;</item>
/// <item>a file PdfPig cannot read: <c>{"error":"…"}</c> and exit code 2; out of its heap: exit code 3
/// (even where PdfPig catches the OutOfMemoryException itself, as it does when a stream will not
/// inflate: the page would come out empty and pass for readable); nested past
/// <see cref="MaxNesting"/>: exit code 4.</item>
/// </list>
/// </summary>
public static class PdfReaderProcess
{
    public const string Verb = "read-pdf";
    public const int ExitUnreadable = 2;
    public const int ExitOutOfMemory = 3;
    public const int ExitTooDeep = 4;
    public const int ExitUsage = 64;

    /// <summary>Deeper than any real document nests its arrays and dictionaries (PdfPig stops at 256 too).</summary>
    public const int MaxNesting = 256;

    /// <summary>The most text kept from one page; more is cut (a page of a report holds a few thousand characters).</summary>
    public const int PageTextMaxLength = 100_000;

    private static readonly byte[] _newLine = "\n"u8.ToArray();

    public static bool IsInvocation(string[] args) => args is [Verb, ..];

    public static int Run(string[] args)
    {
        if (args is not [Verb, "inspect" or "extract", var path])
        {
            Console.Error.WriteLine($"Usage: {Verb} inspect|extract <path>");
            return ExitUsage;
        }

        var extract = args[1] == "extract";
        using var stdout = Console.OpenStandardOutput();
        // Relaxed escaping: text stays UTF-8 rather than \uXXXX, so a page's line is at most ~3 bytes per character.
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Line(Action<Utf8JsonWriter> write)
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
            json.Flush();
            stdout.Write(_newLine);
            stdout.Flush();
            json.Reset();
        }

        if (!File.Exists(path))
        {
            // The server's fault (a path handed over wrongly), not the file's.
            Console.Error.WriteLine("No file at the path given.");
            return ExitUsage;
        }

        // PdfPig catches some exceptions itself and carries on (a stream that cannot be inflated
        // reads as empty): an OutOfMemoryException anywhere means the heap limit was reached, and
        // the file fails as too big, whoever caught it.
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is OutOfMemoryException)
            {
                Environment.Exit(ExitOutOfMemory);
            }
        };

        try
        {
            using (var scan = File.OpenRead(path))
            {
                if (NestsDeeperThan(scan, MaxNesting))
                {
                    return ExitTooDeep;
                }
            }

            // From a stream, so PdfPig reads what it needs rather than the whole file into memory.
            using var file = File.OpenRead(path);
            using var document = PdfDocument.Open(file);
            if (!extract)
            {
                var pages = document.NumberOfPages;
                if (pages < 1)
                {
                    throw new InvalidOperationException("The PDF has no pages.");
                }

                _ = document.GetPage(1);
                Line(w => w.WriteNumber("pages", pages));
                return 0;
            }

            var count = 0;
            foreach (var page in document.GetPages())
            {
                var text = Clean(ContentOrderTextExtractor.GetText(page));
                Line(w =>
                {
                    w.WriteNumber("page", page.Number);
                    w.WriteString("text", text);
                });
                count++;
            }

            Line(w => w.WriteNumber("pages", count));
            return 0;
        }
        catch (OutOfMemoryException)
        {
            // Writing a line may itself need memory: the exit code alone says it.
            return ExitOutOfMemory;
        }
        catch (Exception exception)
        {
            var message = exception.Message.Length > 300 ? exception.Message[..300] : exception.Message;
            Line(w => w.WriteString("error", message.Replace(path, "the file", StringComparison.Ordinal)));
            return ExitUnreadable;
        }
    }

    /// <summary>
    /// Whether arrays and dictionaries nest deeper than <paramref name="limit"/> anywhere outside
    /// strings, comments and stream data: one linear pass over the bytes, before any parser that
    /// might recurse sees them. (Content streams are compressed data here; PdfPig bounds their nesting.)
    /// </summary>
    public static bool NestsDeeperThan(Stream file, int limit)
    {
        using var input = new BufferedStream(file, 64 * 1024);
        var depth = 0;
        var previous = -1;
        var word = 0UL;
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            switch (b)
            {
                case '%':
                    while ((b = input.ReadByte()) >= 0 && b is not ('\r' or '\n'))
                    {
                    }

                    break;
                case '(':
                    SkipLiteralString(input);
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    break;
                case '<' when previous == '<':
                    depth++;
                    b = -1; // "<<<" is a dictionary and then something else, not two
                    break;
                case '>' when previous == '>':
                    depth--;
                    b = -1;
                    break;
            }

            if (depth > limit)
            {
                return true;
            }

            // The last six letters: "stream" (not "endstream") starts data to skip.
            word = ((word << 8) | (uint)(b & 0xff)) & 0xFFFF_FFFF_FFFF_FF;
            if ((word & 0xFFFF_FFFF_FFFF) == 0x73_74_72_65_61_6D && (word >> 48) != 'd')
            {
                SkipStreamData(input);
                word = 0;
            }

            previous = b;
        }

        return false;
    }

    private static void SkipLiteralString(Stream input)
    {
        var open = 1;
        int b;
        while (open > 0 && (b = input.ReadByte()) >= 0)
        {
            if (b == '\\')
            {
                input.ReadByte();
            }
            else if (b == '(')
            {
                open++;
            }
            else if (b == ')')
            {
                open--;
            }
        }
    }

    private static void SkipStreamData(Stream input)
    {
        ReadOnlySpan<byte> end = "endstream"u8;
        var matched = 0;
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
            if (matched == end.Length)
            {
                return;
            }
        }
    }

    /// <summary>
    /// PostgreSQL text takes no NUL, control characters are used as highlight markers in search, and
    /// a lone surrogate cannot be written as UTF-8: all become spaces (or U+FFFD); at most
    /// <see cref="PageTextMaxLength"/> characters are kept.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, PageTextMaxLength));
        for (var i = 0; i < text.Length && builder.Length < PageTextMaxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > PageTextMaxLength)
                {
                    break;
                }

                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(char.IsControl(c) && c is not ('\n' or '\t') ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}
