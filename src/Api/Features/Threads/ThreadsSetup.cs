namespace CommunityOfPractice.Api.Features.Threads;

public static class ThreadsSetup
{
    /// <summary>The post renderer (Markdown with mentions) and who may read "thread:{id}" streams.</summary>
    public static void AddThreads(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostRenderer>();
        builder.Services.AddScoped<IStreamPolicy, ThreadStreamPolicy>();
    }
}
