using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Web.Pages.Library;

/// <summary>One paper: its details, where it is discussed, its versions; the publisher uploads new versions here.</summary>
[RequestSizeLimit(PublishModel.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PublishModel.MaxUploadBytes + 1024 * 1024)]
public sealed class PaperModel(ApiClient api) : PageModel
{
    public PaperDetail? Paper { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose the new PDF.")]
    [Display(Name = "New version (PDF)")]
    public IFormFile? NewVersion { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostVersionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && NewVersion is not null)
        {
            await using var content = NewVersion.OpenReadStream();
            var result = await api.AddPaperVersionAsync(id, new UploadFile(content, NewVersion.FileName), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"Version {result.Value.CurrentVersion} uploaded. Its text is being indexed.";
                return RedirectToPage(new { id });
            }

            // Every problem with an upload is about the file (not a PDF, too large, damaged…).
            var messages = result.Problem.Errors.SelectMany(e => e.Value).DefaultIfEmpty(result.Problem.Message);
            foreach (var message in messages)
            {
                ModelState.AddModelError(nameof(NewVersion), message);
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.GetPaperAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            Paper = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };
}
