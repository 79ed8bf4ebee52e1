using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Portal.Components.Common;

/// <summary>
/// Moves keyboard focus where the user's next step is (WCAG 2.4.3, wwwroot/js/focus.js): into a panel that opened,
/// back to what opened it, to the first field in error, to the outcome of an action. Only after an interactive render.
/// </summary>
public sealed class PageFocus(IJSRuntime js)
{
    /// <summary>The first control inside <paramref name="container"/>.</summary>
    public ValueTask FirstInAsync(ElementReference container) => js.InvokeVoidAsync("portalFocus.first", container);

    /// <summary>The first field in error on the page, or the form's message that names no field; false when there is none.</summary>
    public ValueTask<bool> FirstErrorAsync() => js.InvokeAsync<bool>("portalFocus.firstError");

    /// <summary>The element <paramref name="selector"/> finds; false when there is none.</summary>
    public ValueTask<bool> OnAsync(string selector) => js.InvokeAsync<bool>("portalFocus.selector", selector);
}
