// The plan editor's "Add a commitment": copy the empty row from the page's
// <template> instead of posting the form. Without JavaScript the same button
// posts the form and the server shows it again with one more row.
(function () {
    "use strict";
    var form = document.getElementById("plan-form");
    var template = document.getElementById("commitment-template");
    var button = document.getElementById("add-commitment");
    if (!form || !template || !button || !("content" in template)) { return; }
    var rows = document.getElementById("commitment-rows");
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    var limit = parseInt(form.getAttribute("data-max-rows"), 10) || 50;
    var status = document.getElementById("commitment-added");
    var limitNote = document.getElementById("commitment-limit");

    // No longer a submit button: Enter in a field saves the plan, as expected.
    button.type = "button";
    button.removeAttribute("name");

    button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        if (isNaN(index) || index >= limit) { return; }
        var number = String(index + 1);
        var html = template.innerHTML
            .replace(/__prefix__/g, String(index))
            .replace(/__number__/g, number);
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var row = holder.firstElementChild;
        rows.appendChild(row);
        total.value = String(index + 1);
        if (status) {
            status.textContent = status.getAttribute("data-message").replace("__number__", number);
        }
        if (index + 1 >= limit) {
            button.hidden = true;
            if (limitNote) { limitNote.hidden = false; }
        }
        var first = row.querySelector("select, input, textarea");
        if (first) { first.focus(); }
    });
}());
