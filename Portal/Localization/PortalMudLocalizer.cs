using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Localization;

/// <summary>MudBlazor's own texts (pager, close buttons …) from the portal's string table where it has them.</summary>
public sealed class PortalMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer[key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
