using System.Globalization;
using System.Text;
using CommunityOfPractice.Contracts.Portfolio;

namespace CommunityOfPractice.Web.Pages.Portfolio;

/// <summary>
/// The portfolio as CSV (RFC 4180): a header, then one row per organisation, place, date and stage,
/// the same points the movement charts and tables show. Every field is quoted; a field that a
/// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is
/// prefixed with an apostrophe, since organisation and place names are typed by members.
/// </summary>
public static class PortfolioCsv
{
    public static readonly string[] Header = ["Organisation", "Place", "Date", "Stage", "Moved from", "Followed"];

    public static string Write(PortfolioView portfolio)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var organisation in portfolio.Organisations)
        {
            foreach (var journey in organisation.Journeys)
            {
                foreach (var point in journey.Points)
                {
                    Row(csv,
                    [
                        organisation.Name, journey.Place.Name, point.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        point.Stage.ToString(), point.MovedFrom?.ToString() ?? string.Empty, organisation.IsFollowed ? "yes" : "no",
                    ]);
                }
            }
        }

        return csv.ToString();
    }

    public static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
