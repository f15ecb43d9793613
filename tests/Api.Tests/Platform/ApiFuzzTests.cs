using System.Diagnostics;
using CommunityOfPractice.Api.Tests.Platform.Fuzz;
using Xunit.Abstractions;

namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>
/// Issue 12: every operation in /openapi/v1.json, called with generated bad input (wrong types,
/// missing fields, huge strings, odd Unicode, unknown enum values, overflowing numbers, malformed
/// ids, bodies and content types) and with valid-looking input that reaches the handlers, as a
/// visitor, a member and an admin. Bad input is the client's mistake: a 4xx, never a 5xx, never an
/// exception logged, never a hang. A failure prints the seed and the line that replays it.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ApiFuzzTests(FuzzServer api, ITestOutputHelper output)
{
    private static readonly TimeSpan _perRequest = TimeSpan.FromSeconds(30);
    private static readonly HashSet<int> _problemStatuses = [400, 404, 409, 415, 422];

    [Fact]
    public async Task Every_operation_answers_generated_bad_input_without_a_server_error()
    {
        var settings = FuzzSettings.FromEnvironment();
        var description = ApiDescription.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
        var world = await FuzzWorld.BuildAsync(api);
        var generator = new FuzzCaseGenerator(description, world);
        var operations = description.Operations.Where(settings.Includes).ToList();
        Assert.NotEmpty(operations);
        api.Errors.Drain();

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var slowest = new List<(TimeSpan Took, string Operation)>();
        foreach (var operation in operations)
        {
            var started = clock.Elapsed;
            foreach (var identity in world.Identities)
            {
                for (var index = 0; index < settings.CasesFor(operation, identity); index++)
                {
                    var fuzzCase = generator.Generate(operation, new Random(settings.CaseSeed(operation, identity, index)));
                    cases++;
                    var (status, problem) = await SendAsync(identity.Client, fuzzCase);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var logged = api.Errors.Drain();
                    if (problem is not null || logged.Count > 0)
                    {
                        failures.Add($"{operation.Id} as {identity.Name}, case {index}: {problem ?? $"answered {status}"}\n" +
                            $"    request: {fuzzCase}\n" +
                            string.Concat(logged.Select(l => $"    logged: {FuzzCase.Shorten(l, 600)}\n")) +
                            $"    replay:  {settings.Reproduce(operation)}");
                    }
                }
            }

            slowest.Add((clock.Elapsed - started, operation.Id));
        }

        var summary = $"Fuzzed {operations.Count} operations with {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(seed {settings.Seed}, {settings.Cases} per operation and identity); statuses: " +
            string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")) + "; slowest: " +
            string.Join(", ", slowest.OrderByDescending(s => s.Took).Take(5).Select(s => $"{s.Operation} {s.Took.TotalSeconds:0.0} s"));
        output.WriteLine(summary);
        Assert.True(failures.Count == 0,
            $"{failures.Count} fuzz case(s) failed. {summary}\nReplay the run: {settings.Reproduce()}\n\n" +
            string.Join("\n\n", failures.Take(40)) + (failures.Count > 40 ? $"\n\n… and {failures.Count - 40} more" : ""));
    }

    /// <summary>The status, and what is wrong with the answer if anything is.</summary>
    private static async Task<(int Status, string? Problem)> SendAsync(HttpClient client, FuzzCase fuzzCase)
    {
        HttpRequestMessage request;
        try
        {
            request = fuzzCase.ToRequest();
        }
        catch (FormatException exception)
        {
            // A request HttpClient refuses to build never reaches the server; the generator should not make it.
            return (0, $"the fuzzer made a request HttpClient cannot send: {exception.Message}");
        }

        using var timeout = new CancellationTokenSource(_perRequest);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            request.Dispose();
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status >= 500)
            {
                return (status, $"answered {status}: {FuzzCase.Shorten(body, 400)}");
            }

            // Kestrel answers some malformed requests itself with an empty body; the Api's own
            // client errors are ProblemDetails.
            if (_problemStatuses.Contains(status) && body.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return (status, $"answered {status} without ProblemDetails: {FuzzCase.Shorten(body, 200)}");
            }

            return (status, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (0, $"no answer within {_perRequest.TotalSeconds} s");
        }
        catch (HttpRequestException exception)
        {
            return (0, $"the request failed: {exception.Message}");
        }
    }
}
