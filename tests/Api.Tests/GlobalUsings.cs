// What nearly every integration test names: the shared fixtures, HTTP and JSON, and the wire records.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using CommunityOfPractice.Api.Tests.Account;
global using CommunityOfPractice.Contracts.Common;
global using CommunityOfPractice.Contracts.Threads;
global using CommunityOfPractice.Testing;
