using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CommunityOfPractice.Testing;

/// <summary>Small real PDFs made on the spot (no binaries in the repository): one string per page.</summary>
public static class TestPdfs
{
    private const int LineLength = 90;

    public static byte[] Create(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 790.0;
            foreach (var line in Lines(text))
            {
                if (y < 40)
                {
                    break;
                }

                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 15;
            }
        }

        return builder.Build();
    }

    /// <summary>A made-up word no other test uses, so a test finds only its own papers.</summary>
    public static string UniqueWord() =>
        "zq" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));

    private static IEnumerable<string> Lines(string text)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length + word.Length + 1 > LineLength && line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            yield return line.ToString();
        }
    }
}
