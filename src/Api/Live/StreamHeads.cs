namespace CommunityOfPractice.Api.Live;

public static class StreamHeads
{
    /// <summary>
    /// The last number handed out in a stream (0 when none yet). A page read over HTTP reports it,
    /// so the client subscribes from there; read it before the page, so nothing falls between.
    /// </summary>
    public static Task<long> LastSeqAsync(this AppDbContext db, string stream, CancellationToken cancellationToken) =>
        db.Set<StreamCounter>().Where(s => s.Name == stream).Select(s => s.LastSeq).FirstOrDefaultAsync(cancellationToken);
}
