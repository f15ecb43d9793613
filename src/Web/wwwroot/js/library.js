// Library search: ticking a filter applies it at once (without script, "Apply filters" does).
document.addEventListener("change", (event) => {
  const box = event.target;
  if (box instanceof HTMLInputElement && box.matches("[data-autosubmit]") && box.form) {
    box.form.requestSubmit();
  }
});
