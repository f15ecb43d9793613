using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CommunityOfPractice.Testing;

/// <summary>
/// PDFs built to hurt a reader, written byte by byte here (no binaries in the repository, no PDF
/// library: each one is a valid file a real attacker could send). Used by HostileFileTests and by
/// bench/hostile-files.sh (linked into LibraryBench). Only the BCL, so both can use it.
/// </summary>
public static class HostilePdfs
{
    /// <summary>What the flate bomb's content stream inflates to.</summary>
    public const long BombInflatedBytes = 1L << 30;

    public const int ManyPagesCount = 100_000;

    /// <summary>32 bytes (so 1 MiB holds it whole, 32,768 times): a text object showing ten letters.</summary>
    public const string BombPattern = "BT /F1 9 Tf (abcdefghij) Tj ET \n";

    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    /// <summary>Every fixture by name, as the bench lists them.</summary>
    public static IReadOnlyList<(string Name, Func<byte[]> Build)> All { get; } =
    [
        ("flate bomb", () => FlateBomb()),
        ("flate bomb on page 2", () => FlateBomb(bombOnPage: 2)),
        ("100,000 pages", ManyPages),
        ("deep nesting", () => DeepNesting()),
        ("text flood", () => TextFlood()),
    ];

    /// <summary>
    /// About 1 MB whose one content stream inflates to 1 GiB of text operators (the file of issue
    /// 12: tens of millions of operations, each an object to a reader, far past any heap). With
    /// <paramref name="bombOnPage"/> 2, page 1 is an honest page and the bomb waits on page 2: the
    /// upload's check (page 1) passes and the extraction meets it.
    /// </summary>
    public static byte[] FlateBomb(int bombOnPage = 1)
    {
        var bomb = Stream("/Filter /FlateDecode", ZlibOfRepeats(BombPattern, BombInflatedBytes));
        var honest = Stream(string.Empty, "BT /F1 12 Tf 72 720 Td (An honest first page.) Tj ET"u8.ToArray());
        // 1 catalog, 2 pages, 3 font, 4 honest content, 5 bomb, 6.. pages
        var pages = Enumerable.Range(1, bombOnPage).Select(n => Page(n == bombOnPage ? 5 : 4)).ToList();
        return Build([Catalog, PagesNode(6, pages.Count), Ascii(Font), honest, bomb, .. pages]);
    }

    /// <summary>100,000 real, empty pages (about 8 MB): past any page cap, and slow to walk.</summary>
    public static byte[] ManyPages()
    {
        var pages = Enumerable.Range(0, ManyPagesCount).Select(_ => Ascii("<< /Type /Page /Parent 2 0 R >>"));
        return Build([Catalog, PagesNode(3, ManyPagesCount, font: false), .. pages]);
    }

    /// <summary>
    /// One page whose resources and content hold arrays and dictionaries nested
    /// <paramref name="depth"/> deep: a recursive parser runs out of stack, which no code can catch.
    /// </summary>
    public static byte[] DeepNesting(int depth = 100_000)
    {
        var nested = new StringBuilder(depth * 8);
        for (var i = 0; i < depth; i++)
        {
            nested.Append(i % 2 == 0 ? "[ " : "<< /A ");
        }

        for (var i = depth - 1; i >= 0; i--)
        {
            nested.Append(i % 2 == 0 ? "] " : ">> ");
        }

        var content = Stream(string.Empty, Ascii($"BT /F1 12 Tf 72 720 Td {nested} Tj ET"));
        var page = Ascii($"<< /Type /Page /Parent 2 0 R /Deep {nested} /Contents 4 0 R >>");
        return Build([Catalog, PagesNode(5, 1), Ascii(Font), content, page]);
    }

    /// <summary>
    /// <paramref name="pages"/> pages sharing one compressed content stream that shows
    /// <paramref name="charactersPerPage"/> letters: a few KB that read as millions of characters.
    /// </summary>
    public static byte[] TextFlood(int pages = 150, int charactersPerPage = 100_000)
    {
        var text = new StringBuilder(charactersPerPage + 64).Append("BT /F1 1 Tf 0 0 Td (");
        for (var i = 0; i < charactersPerPage; i++)
        {
            text.Append((char)('a' + (i % 26)));
        }

        text.Append(") Tj ET");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Ascii(text.ToString()));
        }

        var content = Stream("/Filter /FlateDecode", compressed.ToArray());
        var pageObjects = Enumerable.Range(0, pages).Select(_ => Page(4));
        return Build([Catalog, PagesNode(5, pages), Ascii(Font), content, .. pageObjects]);
    }

    /// <summary>
    /// zlib data that inflates to <paramref name="length"/> bytes of <paramref name="pattern"/>
    /// repeated, made in milliseconds: one deflate block of 1 MiB of it, ended by a sync flush
    /// (byte-aligned, no reference outside itself), repeated, then an empty final block and the
    /// Adler-32 of the whole. The pattern's length must divide 1 MiB.
    /// </summary>
    public static byte[] ZlibOfRepeats(string pattern, long length)
    {
        const int chunk = 1 << 20;
        var bytes = Ascii(pattern);
        if (chunk % bytes.Length != 0 || length % chunk != 0)
        {
            throw new ArgumentException("The pattern's length must divide 1 MiB, and the length be whole MiB.", nameof(pattern));
        }

        var plain = new byte[chunk];
        for (var i = 0; i < chunk; i += bytes.Length)
        {
            bytes.CopyTo(plain, i);
        }

        byte[] block;
        using (var raw = new MemoryStream())
        {
            using (var deflate = new DeflateStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(plain);
                deflate.Flush();
                block = raw.ToArray();
            }
        }

        using var output = new MemoryStream();
        output.Write([0x78, 0xDA]);
        for (long written = 0; written < length; written += chunk)
        {
            output.Write(block);
        }

        output.Write([0x03, 0x00]);
        // Adler-32 of the whole: the chunk's, combined with itself as zlib's adler32_combine does.
        const uint modulus = 65521;
        uint a = 1, b = 0;
        foreach (var value in plain)
        {
            a = (a + value) % modulus;
            b = (b + a) % modulus;
        }

        var one = (b << 16) | a;
        var adler = one;
        for (long done = chunk; done < length; done += chunk)
        {
            adler = Combine(adler, one, chunk);
        }
        output.Write([(byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler]);
        return output.ToArray();
    }

    private static uint Combine(uint first, uint second, long secondLength)
    {
        const ulong modulus = 65521;
        var remainder = (ulong)secondLength % modulus;
        ulong sum1 = first & 0xffff;
        var sum2 = remainder * sum1 % modulus;
        sum1 += (second & 0xffff) + modulus - 1;
        sum2 += (first >> 16) + (second >> 16) + modulus - remainder;
        sum1 %= modulus;
        sum2 %= modulus;
        return (uint)((sum2 << 16) | sum1);
    }

    private static byte[] Catalog => Ascii("<< /Type /Catalog /Pages 2 0 R >>");

    private static byte[] PagesNode(int firstPage, int count, bool font = true)
    {
        var kids = new StringBuilder(count * 10);
        for (var i = 0; i < count; i++)
        {
            kids.Append(CultureInfo.InvariantCulture, $"{firstPage + i} 0 R ");
        }

        var resources = font ? "/Resources << /Font << /F1 3 0 R >> >>" : string.Empty;
        return Ascii($"<< /Type /Pages /Kids [{kids}] /Count {count} /MediaBox [0 0 595 842] {resources} >>");
    }

    private static byte[] Page(int contents) => Ascii($"<< /Type /Page /Parent 2 0 R /Contents {contents} 0 R >>");

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii($"<< /Length {data.Length} {dictionary} >>\nstream\n"), .. data, .. Ascii("\nendstream")];

    /// <summary>Objects 1…n, a classic cross-reference table and the trailer.</summary>
    private static byte[] Build(IReadOnlyList<byte[]> objects)
    {
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = pdf.Position;
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder((objects.Count + 1) * 20);
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
