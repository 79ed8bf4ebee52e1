// Where keyboard focus goes when the portal changes a page (WCAG 2.4.3): into a panel that opens, back to what opened
// it, to the first field in error of a refused form, to the announced outcome of an action.
window.portalFocus = {
  // The first control of a container (a panel that opened), else the container itself.
  first(container) {
    const control = container?.querySelector(
      'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]');
    (control ?? container)?.focus();
  },

  // The first field in error on the page (MudBlazor marks its control), else the form's message without a field.
  firstError() {
    const main = document.querySelector('main') ?? document;
    const target = main.querySelector('.mud-input-error input:not([type="hidden"]), .mud-input-error textarea')
      ?? main.querySelector('[data-error-summary]');
    target?.focus();
    return target !== null;
  },

  // An element by selector (what opened a panel, an outcome to read).
  selector(selector) {
    const element = document.querySelector(selector);
    element?.focus();
    return element !== null;
  },
};
