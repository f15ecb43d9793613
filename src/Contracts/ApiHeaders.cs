namespace CommunityOfPractice.Contracts;

public static class ApiHeaders
{
    /// <summary>A client-made key that makes a retried write happen once (docs/api.md).</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    public const int IdempotencyKeyMaxLength = 100;
}
