// What nearly every use case, endpoint and configuration names: the shared folders of the Api
// and the libraries every handler is written with.
global using CommunityOfPractice.Api.Data;
global using CommunityOfPractice.Api.Infrastructure;
global using CommunityOfPractice.Api.Infrastructure.Persistence;
global using CommunityOfPractice.Api.Live;
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
