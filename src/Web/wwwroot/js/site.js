// Small enhancements only; every page works without this file.
// Move focus to an error summary or a message that arrived with the page, so that screen
// readers announce it and keyboard users start from it.
document.addEventListener("DOMContentLoaded", () => {
  const target = document.querySelector(".error-summary[data-autofocus]") ?? document.querySelector("[data-autofocus]");
  if (target instanceof HTMLElement) {
    target.focus();
  }
});
