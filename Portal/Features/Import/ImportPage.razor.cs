using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Common;
using Portal.Localization;

namespace Portal.Features.Import;

public sealed partial class ImportPage
{
    private ImportKind _kind = ImportKind.Agents;
    private string? _fileName;
    private byte[]? _content;
    private ImportReport? _report;
    private ImportProgress _progress;
    private string? _outcome;
    private Severity _outcomeSeverity = Severity.Info;
    private bool _busy;

    [Inject]
    private ChannelImport Import { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Only a file whose dry run found nothing, and only once.
    private bool CanImport => !_busy && _content is not null && _report is { DryRun: true, IsClean: true };

    private double Percent => _progress.Total == 0 ? 0 : 100d * _progress.Done / _progress.Total;

    private void KindChanged(ImportKind kind)
    {
        _kind = kind;
        Reset();
    }

    private void Reset()
    {
        _fileName = null;
        _content = null;
        _report = null;
        _outcome = null;
    }

    // The file is read once into memory (at most the limit and a byte more), then checked by a dry run at once.
    private async Task FileChosenAsync(IBrowserFile? file)
    {
        Reset();
        if (file is null)
        {
            return;
        }

        _fileName = file.Name;
        if (file.Size > ChannelImport.MaxBytes)
        {
            Show(ChannelImport.TooLarge(_kind, dryRun: true));
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(ChannelImport.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        _content = buffer.ToArray();
        await RunAsync(dryRun: true);
    }

    private Task ImportAsync() => RunAsync(dryRun: false);

    private async Task RunAsync(bool dryRun)
    {
        AccessDeniedException.UnlessMay(CurrentUser.From((await AuthenticationState).User), PortalPolicies.ManageChannel);
        _busy = true;
        _progress = default;
        _outcome = null;
        StateHasChanged();
        try
        {
            var user = CurrentUser.From((await AuthenticationState).User)!;
            var progress = new Progress<ImportProgress>(p =>
            {
                _progress = p;
                StateHasChanged();
            });
            using var content = new MemoryStream(_content!, writable: false);
            var result = await Import.ImportAsync(user, _kind, new ImportUpload(_fileName, content), dryRun, progress);
            if (result.Succeeded)
            {
                Show(result.Value);
            }
            else
            {
                _report = null;
                _outcome = FormMessages.Of(result, L, FormMessages.EveryField).All();
                _outcomeSeverity = Severity.Error;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(ImportReport report)
    {
        _report = report;
        if (report.Imported)
        {
            // Stored: the file is done with; another one may be chosen.
            _content = null;
            _outcome = L[$"Import_Done_{report.Kind}", report.Rows, report.Sha256[..12]];
            _outcomeSeverity = Severity.Success;
        }
        else if (report.IsClean)
        {
            _outcome = L["Import_Clean", report.Rows];
            _outcomeSeverity = Severity.Info;
        }
        else
        {
            _outcome = L["Import_HasProblems", report.Problems.Count, report.Problems.Where(p => p.Row is not null).Select(p => p.Row).Distinct().Count()];
            _outcomeSeverity = Severity.Warning;
        }
    }
}
