using CommunityOfPractice.Api.Data.Seeding;
using CommunityOfPractice.Api.Features.Account;
using CommunityOfPractice.Api.Infrastructure.Mail;
using CommunityOfPractice.Api.Features.Events;
using CommunityOfPractice.Api.Features.Library;
using CommunityOfPractice.Api.Features.Library.Reading;
using CommunityOfPractice.Api.Features.Places;
using CommunityOfPractice.Api.Features.Threads;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure.Telemetry;
using CommunityOfPractice.Api.Notifications;

// The PDF reader runs as this same executable in a child process (docs/decisions/0013): it
// starts nothing else.
if (PdfReaderProcess.IsInvocation(args))
{
    return PdfReaderProcess.Run(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.AddIdentityAndOidcServer();
builder.AddUseCases();
builder.AddAccount();
builder.AddMail();
builder.AddNotifications();
builder.AddLiveUpdates();
builder.AddThreads();
builder.AddEvents();
builder.AddLibrary();
builder.AddPlaces();
builder.AddDemoContent();
builder.AddHttpApi();
builder.AddTelemetry();

var app = builder.Build();

app.UseHttpApi();
app.MapOidcEndpoints();
app.MapFeatureEndpoints();
app.MapLiveHub();
app.MapTelemetry();

app.Run();
return 0;

public partial class Program;
