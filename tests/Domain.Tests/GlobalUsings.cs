// The domain tests exercise the community model and its rules.
global using CommunityOfPractice.Domain.Common;
global using CommunityOfPractice.Domain.Community;
