// Attendance: save a tap without reloading the page. Without JavaScript the
// buttons submit the form normally, so this is only an enhancement.
(function () {
    "use strict";
    var list = document.querySelector("[data-attendance]");
    if (!list || !window.fetch) { return; }
    var live = document.getElementById("attendance-status");

    list.addEventListener("click", function (event) {
        var button = event.target.closest("button[name=status]");
        if (!button) { return; }
        event.preventDefault();
        var form = button.form;
        var data = new FormData(form);
        data.set("status", button.value);
        var buttons = form.querySelectorAll("button[name=status]");
        fetch(form.action || window.location.href, {
            method: "POST",
            body: data,
            headers: { "Accept": "application/json" },
            credentials: "same-origin"
        }).then(function (response) {
            return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        }).then(function (result) {
            if (result.ok) {
                buttons.forEach(function (other) {
                    var pressed = other === button;
                    other.setAttribute("aria-pressed", pressed ? "true" : "false");
                    other.classList.toggle("btn-primary", pressed);
                    other.classList.toggle("btn-outline-secondary", !pressed);
                });
            }
            live.textContent = result.body.message;
        }).catch(function () {
            // The network failed: fall back to an ordinary form post.
            var hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = "status";
            hidden.value = button.value;
            form.appendChild(hidden);
            form.submit();
        });
    });
}());
