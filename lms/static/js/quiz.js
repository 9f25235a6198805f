// Quiz pages: ask before leaving with an answer that is not saved. The quiz's own
// buttons save the answer on the way (they submit its form), so this only speaks
// up for other ways out: the header, the back button, closing the tab, and, with
// every question on one page, saving one question while another one has changed.
(function () {
    "use strict";
    var forms = document.querySelectorAll("form.quiz-answer");
    if (!forms.length) { return; }
    var changed = new Set();
    forms.forEach(function (form) {
        form.addEventListener("change", function () { changed.add(form); });
        form.addEventListener("submit", function () { changed.delete(form); });
    });
    window.addEventListener("beforeunload", function (event) {
        if (changed.size) {
            event.preventDefault();
            // Older browsers show the prompt only when returnValue is set.
            event.returnValue = "";
        }
    });
}());
