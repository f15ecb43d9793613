using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Identity;

/// <summary>A sign-in account. The person's public profile is the domain's Member with the same id.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }
}
