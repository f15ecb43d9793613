using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Audit;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Testing;

/// <summary>A member's own data (the export, deleting the account) and the admins' audit log, through the Api.</summary>
public static class MyDataApi
{
    public static async Task<MyDataExport> ExportAsync(HttpClient member)
    {
        using var response = await member.GetAsync("/api/v1/me/data");
        return await ThreadsApi.ExpectAsync<MyDataExport>(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SendDeleteAsync(HttpClient member, string password, bool removeContent = false) =>
        member.PostAsJsonAsync("/api/v1/me/deletion", new DeleteAccountRequest(password, removeContent), Json.Options);

    public static async Task DeleteAsync(TestMember member, bool removeContent = false)
    {
        using var response = await SendDeleteAsync(member.Client, member.Password, removeContent);
        await ThreadsApi.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    public static async Task<AuditPage> AuditAsync(HttpClient admin, Guid? person = null, string? action = null, Guid? before = null, int? limit = null)
    {
        string?[] parts =
        [
            person is { } p ? $"person={p}" : null,
            action is not null ? $"action={Uri.EscapeDataString(action)}" : null,
            before is { } b ? $"before={b}" : null,
            limit is { } l ? $"limit={l}" : null,
        ];
        var query = string.Join('&', parts.Where(part => part is not null));
        using var response = await admin.GetAsync(query.Length > 0 ? $"/api/v1/admin/audit?{query}" : "/api/v1/admin/audit");
        return await ThreadsApi.ExpectAsync<AuditPage>(response, HttpStatusCode.OK);
    }
}
