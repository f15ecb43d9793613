using CommunityOfPractice.Contracts.Community;
using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Library;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Library;

/// <summary>Funders, hosts and admins share a paper: its details and the PDF (or a link to it elsewhere).</summary>
[Authorize(Roles = $"{Roles.Funder},{Roles.Host},{Roles.Admin}")]
[RequestSizeLimit(MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 1024 * 1024)]
public sealed class PublishModel(ApiClient api) : PageModel
{
    /// <summary>What the Web lets through; the Api enforces its own configured limit (this by default).</summary>
    public const long MaxUploadBytes = LibraryLimits.MaxUploadBytes;

    private static readonly string[] _fields =
    [
        nameof(InputModel.Title), nameof(InputModel.Summary), nameof(InputModel.Type), nameof(InputModel.Authors),
        nameof(InputModel.OrganisationId), nameof(InputModel.PublishedOn), nameof(InputModel.PlaceIds), nameof(InputModel.Stages),
        nameof(InputModel.Hashtags), nameof(InputModel.Licence), nameof(InputModel.ExternalUrl), nameof(InputModel.Visibility),
        nameof(InputModel.File),
    ];

    public static IReadOnlyList<(string Value, string Label)> Types { get; } =
        [.. Enum.GetValues<PaperType>().Select(type => (type.ToString(), type.Label()))];

    public static IReadOnlyList<string> Licences { get; } =
        ["CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "CC BY-NC-ND 4.0", "All rights reserved"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var stages = Input.Stages.Select(Named<Domain.Community.FrameworkStage>).OfType<Domain.Community.FrameworkStage>().ToList();
            var metadata = new PublishPaperRequest(
                Input.Title, Input.Summary, Named<PaperType>(Input.Type), Split(Input.Authors, ',', '\n'), Input.OrganisationId, Input.PublishedOn,
                Input.PlaceIds, stages, Split(Input.Hashtags, ',', ' ', '\n'), Input.Licence,
                string.IsNullOrWhiteSpace(Input.ExternalUrl) ? null : Input.ExternalUrl, Named<PaperVisibility>(Input.Visibility), ThreadId: null);
            await using var content = Input.File?.OpenReadStream();
            var file = Input.File is null ? null : new UploadFile(content!, Input.File.FileName);
            var result = await api.PublishPaperAsync(metadata, file, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = "Paper shared. Its text is being indexed, so search will find what is inside it in a moment.";
                return RedirectToPage("/Library/Paper", new { id = result.Value.Id });
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    // The form's values are the enums' names (as the Api writes them); anything else is no choice.
    private static T? Named<T>(string? name) where T : struct, Enum =>
        name is not null && Enum.GetNames<T>().Contains(name) ? Enum.Parse<T>(name) : null;

    private static List<string> Split(string? text, params char[] separators) =>
        [.. (text ?? string.Empty).Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        var places = api.GetPlacesAsync(cancellationToken);
        var stages = api.GetStagesAsync(cancellationToken);
        await Task.WhenAll(organisations, places, stages);
        LoadProblem = (await organisations).Problem ?? (await places).Problem ?? (await stages).Problem;
        if (LoadProblem is null)
        {
            Organisations = (await organisations).Value;
            Places = [.. (await places).Value.OrderBy(p => p.Name)];
            Stages = (await stages).Value;
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the paper a title.")]
        [StringLength(LibraryLimits.TitleMaxLength, ErrorMessage = "A title has at most {1} characters.")]
        public string Title { get; set; } = string.Empty;

        [StringLength(LibraryLimits.SummaryMaxLength, ErrorMessage = "A summary has at most {1:N0} characters.")]
        public string? Summary { get; set; }

        [Required(ErrorMessage = "Choose the type of paper.")]
        public string? Type { get; set; }

        [Display(Name = "Authors")]
        public string? Authors { get; set; }

        [Display(Name = "Publishing organisation")]
        public Guid? OrganisationId { get; set; }

        [Required(ErrorMessage = "Give the date the paper was published.")]
        [Display(Name = "Publication date")]
        public DateOnly? PublishedOn { get; set; }

        public List<Guid> PlaceIds { get; set; } = [];

        public List<string> Stages { get; set; } = [];

        public string? Hashtags { get; set; }

        [Required(ErrorMessage = "Say under which licence the paper is shared.")]
        public string? Licence { get; set; } = "CC BY 4.0";

        [Display(Name = "Link to the paper elsewhere")]
        public string? ExternalUrl { get; set; }

        public string? Visibility { get; set; } = "Public";

        [Display(Name = "PDF file")]
        public IFormFile? File { get; set; }
    }
}
