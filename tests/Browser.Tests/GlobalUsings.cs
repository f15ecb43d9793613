// Every browser test drives Playwright with the shared fixtures.
global using CommunityOfPractice.Testing;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
