using System.Text;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

/// <summary>
/// The bad values the fuzzer draws from. Raw JSON tokens stay text (a number no double holds,
/// a lone surrogate written as an escape) because no serializer would write them.
/// </summary>
public static class FuzzValues
{
    public const int Huge = 1 << 20;

    /// <summary>Odd text: direction marks, zero-width and NUL characters, combining marks, markup, injections.</summary>
    public static readonly string[] OddText =
    [
        "", " ", "\t\r\n", "\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD", "a\u200Bb\u200Dc", "\uFEFF", "\0", "a\0b",
        "e\u0301\u0301\u0301\u0301\u0301", "\uFFFF\uFFFE", "😀🏳️‍🌈👩‍👩‍👧", "𝕳𝖊𝖑𝖑𝖔", "İıſß", "<script>alert(1)</script>",
        "'; DROP TABLE users; --", "%00%2e%2e%2f", "../../etc/passwd", "\\\\server\\share", "${jndi:ldap://x}", "{{7*7}}",
        "null", "[]", "#", "@", "#tag@member", "**bold** [link](javascript:alert(1))", "\u0085\u2028\u2029", "\u001B[31m",
    ];

    /// <summary>Strings that are JSON only as escapes: lone or reversed surrogates, NUL.</summary>
    public static readonly string[] RawStrings = ["\"\\ud800\"", "\"x\\udfffy\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"a\\u0000\\u0000\""];

    /// <summary>Numbers at and past every boundary a handler might store or compute with.</summary>
    public static readonly string[] RawNumbers =
    [
        "-1", "0", "-0", "1.5", "1E2", "-2147483649", "2147483648", "2147483647", "-2147483648", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        "1e309", "-1e309", "1e-400", "0.000000000000000000000000000001",
    ];

    public static readonly string[] BadGuids =
    [
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "{6f1c2d3e-0000-0000-0000-000000000001}", "6f1c2d3e000000000000000000000001",
        "6f1c2d3e-0000-0000-0000-00000000000g", "6f1c2d3e-0000-0000-0000-0000000000011", "0", "-1", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    public static readonly string[] BadDates =
    [
        "2025-02-30", "0001-01-01", "9999-12-31", "not-a-date", "2025-13-01", "2025-06-01T25:00:00Z", "+275760-09-13", "1970-01-01T00:00:00Z",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2025-06-01", "",
    ];

    public static readonly string[] BadEnums = ["NotAValue", "intention", "INTENTION", "Intention ", " ", "0", "-1", "Intention,Systemic", "__proto__"];

    /// <summary>Bodies that are not JSON, or not the JSON anyone expects.</summary>
    public static readonly string[] MalformedBodies =
    [
        "", "{", "}", "[", "{\"a\":", "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":1} trailing", "null", "true", "42", "\"text\"", "[]", "[{}]",
        "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"__proto__\":{}}", "<xml/>", "a=1&b=2", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":undefined}",
        "{/* comment */}", "\"\\ud800\"",
    ];

    public static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
        "application/json; charset=utf-16", "application/json; charset=nonsense", "application/octet-stream", "*/*", "application/problem+json",
    ];

    /// <summary>Pre-encoded query and path text, including percent-escapes that are not UTF-8.</summary>
    public static readonly string[] RawEncoded = ["%FF%FE", "%00", "%C0%AF", "%ED%A0%80", "%", "%zz", "%2F", "..", "%2e%2e", "a%0D%0Ab", "%E2%80%AE"];

    public static readonly string[] HeaderValues = ["", " ", "../x", "'; drop", "%00", "a,b", "{}", "null"];

    public static T Pick<T>(this Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];

    /// <summary>Long text: usually tens of thousands of characters, now and then a megabyte.</summary>
    public static string Long(Random rng)
    {
        var length = rng.Next(8) == 0 ? Huge : rng.Next(300, 40_000);
        var unit = rng.Pick<string>(["x", "é", "😀", "a ", "#t ", "\u200B"]);
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    public static string BadText(Random rng) => rng.Next(4) == 0 ? Long(rng) : rng.Pick(OddText);
}
