// Quiz pages: ask before leaving with an answer that is not saved. The quiz's own
// buttons save the answer on the way (they submit its form), so this only speaks
// up for other ways out: the header, the back button, closing the tab, and, with
// every question on one page, saving one question while another one has changed.
//
// "Not saved" is read from the page itself when the person leaves: an input that
// differs from what the server sent (the saved answer). So a choice made before
// this script ran (a quick tap on a slow phone) counts too.
(function () {
    "use strict";
    var forms = document.querySelectorAll("form.quiz-answer");
    if (!forms.length) { return; }
    var submitted = new Set();

    function differs(input) {
        if (input.type === "radio" || input.type === "checkbox") {
            return input.checked !== input.defaultChecked;
        }
        if (input.tagName === "TEXTAREA" ||
                (input.tagName === "INPUT" && !/^(hidden|submit|button)$/.test(input.type))) {
            return input.value !== input.defaultValue;
        }
        return false;
    }

    function unsaved(form) {
        return !submitted.has(form) &&
            Array.prototype.some.call(form.elements, differs);
    }

    forms.forEach(function (form) {
        form.addEventListener("submit", function () { submitted.add(form); });
    });
    window.addEventListener("beforeunload", function (event) {
        if (Array.prototype.some.call(forms, unsaved)) {
            event.preventDefault();
            // Older browsers show the prompt only when returnValue is set.
            event.returnValue = "";
        }
    });
}());
