var builder = WebApplication.CreateBuilder(args);

builder.AddApiAccess();
builder.AddSignIn();
builder.AddPages();
builder.AddLiveProxy();
builder.AddHealth();

var app = builder.Build();

app.UseWebPipeline();

app.Run();

public partial class Program;
