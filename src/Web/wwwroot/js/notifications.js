// Opening an unread notification's link marks it read: the item's own "Mark read" form is sent
// as a beacon (it outlives the page) while the browser follows the link as usual. Without this
// script the links still work, and each item keeps its "Mark read" button.
(() => {
  "use strict";

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-read-form]") : null;
    const form = link ? document.getElementById(link.dataset.readForm) : null;
    if (!(form instanceof HTMLFormElement) || !navigator.sendBeacon) {
      return;
    }
    const data = new FormData(form);
    data.set("beacon", "true");
    navigator.sendBeacon(form.action, data);
  });
})();
