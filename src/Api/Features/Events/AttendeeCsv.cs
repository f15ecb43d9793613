using System.Globalization;
using CommunityOfPractice.Contracts.Events;
using CsvHelper;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// The attendee list as CSV for hosts, one column per registration question. Cells that a
/// spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped by CsvHelper.
/// </summary>
public static class AttendeeCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Write(IReadOnlyList<AttendeeRow> rows, IReadOnlyList<string> questions) =>
        Csv(csv =>
        {
            foreach (var heading in new[] { "Name", "Email", "Organisation", "Places", "Status", "Arrival", "Registered at (UTC)", "Listed" }.Concat(questions))
            {
                csv.WriteField(heading);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.DisplayName);
                csv.WriteField(row.Email);
                csv.WriteField(row.Organisation ?? string.Empty);
                csv.WriteField(string.Join("; ", row.Places));
                csv.WriteField(row.Status.ToString());
                csv.WriteField(row.ArrivalNumber.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.RegisteredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(row.IsListed ? "yes" : "no");
                for (var i = 0; i < questions.Count; i++)
                {
                    csv.WriteField(i < row.Answers.Count ? row.Answers[i] : string.Empty);
                }

                csv.EndRecord();
            }
        });

    public static string Csv(Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            write(csv);
        }

        return text.ToString();
    }
}
