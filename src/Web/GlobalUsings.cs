// What nearly every page model names: Razor Pages, the Api client and the Web's infrastructure.
global using CommunityOfPractice.Web.Api;
global using CommunityOfPractice.Web.Infrastructure;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
