// Checklists in a lesson: save a tick at once, without reloading the page.
// Without JavaScript the "Save my ticks" button posts the form normally.
(function () {
    "use strict";
    if (!window.fetch || !window.FormData) { return; }
    document.querySelectorAll("form[data-checklist]").forEach(function (form) {
        var status = form.querySelector(".checklist-status");
        var save = form.querySelector(".checklist-save");
        if (save) { save.hidden = true; }
        form.addEventListener("change", function () {
            fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { "Accept": "application/json" },
                credentials: "same-origin"
            }).then(function (response) {
                return response.json();
            }).then(function (body) {
                if (status) { status.textContent = body.message; }
            }).catch(function () {
                // The network failed: fall back to an ordinary form post.
                form.submit();
            });
        });
    });
}());
