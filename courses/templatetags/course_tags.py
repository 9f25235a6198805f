"""The participant's panels inside lesson pages, and the hot parts of the quiz pages.

Anonymous visitors get nothing and cost no query: the lesson pages are public and
their query count is watched (tests/cms/test_lesson_queries.py).

The quiz tags and `note_textarea` write their markup in Python, as Django's widgets
and our templates did: a page repeats them per question or block, and the template
engine costs more there than the rest of the page. Every value is escaped with
`html.escape` (what Django's `escape` uses); translations are escaped as
{% translate %} does and left as they are where {% blocktranslate %} did.
"""

from functools import lru_cache
from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from cms.models import LessonPage

from ..forms.participant import REFLECTION_DRAFTS_SESSION_KEY, ReflectionNoteForm
from ..selectors import participant as selectors
from ..selectors.quizzes import AskedQuestion, Outcome

register = template.Library()

_NOT_LOADED = object()


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return request, None
    return request, user


@register.inclusion_tag(
    "courses/participant/lesson_progress_panel.html", takes_context=True
)
def lesson_progress_panel(context, lesson):
    """ "Mark as done" / "Done ✓ (undo)" for a logged-in person; nothing otherwise."""
    request, user = _user(context)
    if user is None or not isinstance(lesson, LessonPage) or lesson.pk is None:
        return {"show": False}
    # The before_serve_page hook has usually read it already.
    progress = getattr(request, "_lesson_progress", {}).get(lesson.pk, _NOT_LOADED)
    if progress is _NOT_LOADED:
        progress = selectors.lesson_progress(user=user, lesson=lesson)
    return {
        "show": True,
        "lesson": lesson,
        "progress": progress,
        "done": bool(progress and progress.completed_at),
        "in_run": selectors.is_participant(user=user),
    }


@register.inclusion_tag(
    "courses/participant/reflection_note_form.html", takes_context=True
)
def reflection_note_form(context):
    """The person's private answer under a reflection question in a lesson.

    Rendered inside the reflection block, where Wagtail puts the block's id in
    the context as `id` and the lesson is `page`. One query per lesson for all
    its questions.
    """
    request, user = _user(context)
    lesson = context.get("page")
    block_id = context.get("id")
    if user is None or not isinstance(lesson, LessonPage) or not block_id:
        return {"show": False}
    cache = request.__dict__.setdefault("_reflection_notes", {})
    if lesson.pk not in cache:
        cache[lesson.pk] = selectors.reflection_notes(user=user, lesson=lesson)
    note = cache[lesson.pk].get(block_id)
    drafts = request.session.get(REFLECTION_DRAFTS_SESSION_KEY) or {}
    draft = drafts.pop(block_id, None)
    if draft is not None:
        request.session[REFLECTION_DRAFTS_SESSION_KEY] = drafts
    text = draft if draft is not None else (note.text if note else "")
    return {
        "show": True,
        "lesson": lesson,
        "block_id": block_id,
        "note": note,
        "form": ReflectionNoteForm(initial={"text": text}, block_id=block_id),
    }


@register.simple_tag
def note_textarea(field) -> SafeString:
    """The textarea of a reflection note (a bound field of ReflectionNoteForm), as
    Django's widget writes it, without the widget engine. Values are escaped."""
    value = field.value()
    return SafeString(
        f'<textarea name="{escape(field.html_name)}" cols="40" rows="4"'
        f' maxlength="{field.field.max_length}" class="textarea form-control"'
        f' aria-describedby="{escape(field.auto_id)}_helptext"'
        f' id="{escape(field.auto_id)}">\n{escape(value) if value else ""}</textarea>'
    )


# (badge class, label) of each outcome but "partly", whose label has a figure.
_OUTCOME_BADGES = {
    Outcome.CORRECT: ("text-bg-success", "Correct"),
    Outcome.WRONG: ("text-bg-danger", "Not correct"),
    Outcome.UNANSWERED: ("text-bg-secondary", "Not answered"),
}


@lru_cache(maxsize=16)
def _feedback_labels(language: str) -> dict[str, str]:
    """The fixed words of the feedback, translated and escaped once per language
    (the outcomes' labels under the outcome, e.g. "wrong": "Not correct")."""
    labels = {key: gettext(label) for key, (_, label) in _OUTCOME_BADGES.items()}
    labels |= {
        "mark:right": gettext("right"),
        "mark:wrong": gettext("wrong"),
        "your_answer": gettext("Your answer:"),
        "explanation": gettext("Explanation"),
    }
    return {key: escape(label) for key, label in labels.items()}


@register.simple_tag
def quiz_feedback(question: AskedQuestion) -> SafeString:
    """The outcome, the chosen choices with their feedback and the explanation of
    one question (on the result page, and after each answer).

    Built in Python because a result page shows it for every question.
    """
    labels = _feedback_labels(get_language())
    position = question.position
    outcome = question.outcome
    if outcome == Outcome.PARTLY:
        # The translation is ours; only the figure is escaped, as blocktranslate does.
        percent = conditional_escape(floatformat(question.score_percent, "-2"))
        badge = (
            "text-bg-warning",
            gettext("Partly correct (%(percent)s %%)") % {"percent": percent},
        )
    else:
        badge = _OUTCOME_BADGES[outcome][0], labels[outcome]
    html = [
        f'<p class="quiz-outcome fw-semibold mb-2" id="outcome-{position}">'
        f'<span class="badge {badge[0]}">{badge[1]}</span></p>'
    ]
    if question.answered:
        right = f'<span class="text-success">({labels["mark:right"]})</span>'
        wrong = f'<span class="text-danger">({labels["mark:wrong"]})</span>'
        html.append(
            f'<p class="mb-1">{labels["your_answer"]}</p>'
            f'<ul class="quiz-chosen mb-2" id="chosen-{position}">'
        )
        for choice in question.chosen_choices:
            feedback = ""
            if choice.feedback:
                feedback = (
                    '<br><span class="quiz-choice-feedback">'
                    f"{escape(choice.feedback)}</span>"
                )
            mark = right if choice.is_correct else wrong
            html.append(f"<li>{escape(choice.text)} {mark}{feedback}</li>")
        html.append("</ul>")
    if question.explanation:
        html.append(
            f'<div class="quiz-explanation" id="explanation-{position}">'
            f'<p class="mb-1 fw-semibold">{labels["explanation"]}</p>'
            f"{linebreaks(question.explanation, autoescape=True)}</div>"
        )
    return SafeString("\n".join(html))


@register.simple_tag
def quiz_result_rows(detail) -> SafeString:
    """The result page's list items, one per question of the attempt (an
    AttemptDetail): its number, its text and `quiz_feedback`."""
    # Translated text is trusted as in {% blocktranslate %}; the figures are ints.
    heading = gettext("Question %(position)s of %(total)s")
    total = detail.total
    rows = [
        f'<li id="result-{question.position}" class="card card-body mb-3'
        f' quiz-result-question"><h3 class="h6">'
        f"{heading % {'position': question.position, 'total': total}}</h3>"
        f'<p class="fs-5">{escape(question.text)}</p>\n{quiz_feedback(question)}</li>'
        for question in detail.questions
    ]
    return SafeString("\n".join(rows))


@register.simple_tag
def quiz_nav_items(detail, current_position, all_on_one) -> SafeString:
    """The list items of the question navigation: a link per question, the one on
    this page marked as the current step, answered ones marked (also in words)."""
    answered = escape(gettext("answered"))
    not_answered = escape(gettext("not answered"))
    items = []
    for question in detail.questions:
        position = question.position
        current = position == current_position
        if current:
            style = "btn-primary"
        elif question.answered:
            style = "btn-outline-success"
        else:
            style = "btn-outline-secondary"
        href = f"#question-{position}" if all_on_one else f"?q={position}"
        step = ' aria-current="step"' if current else ""
        if question.answered:
            state = f" ({answered})</span> ✓"
        else:
            state = f" ({not_answered})</span>"
        items.append(
            f'<li class="list-inline-item"><a id="quiz-nav-{position}"'
            f' class="btn btn-sm {style}" href="{href}"{step}>'
            f'{position}<span class="visually-hidden">{state}</a></li>'
        )
    return SafeString("\n".join(items))


@register.simple_tag
def quiz_choice_inputs(field) -> SafeString:
    """The radio buttons or checkboxes of a quiz answer (a bound field of
    AnswerForm), written out in Python: the widget engine, or a template lookup per
    attribute, costs more than the rest of the question. Values are escaped."""
    html = []
    for option in field:
        data = option.data
        input_id = escape(option.id_for_label)
        checked = " checked" if data["selected"] else ""
        required = data["type"] == "radio" and data["attrs"].get("required")
        html.append(
            f'<div class="form-check"><input type="{escape(data["type"])}"'
            f' name="{escape(data["name"])}" value="{escape(str(data["value"]))}"'
            f' id="{input_id}" class="form-check-input"{checked}'
            f'{" required" if required else ""}><label class="form-check-label"'
            f' for="{input_id}">{escape(str(option.choice_label))}</label></div>'
        )
    return SafeString("\n".join(html))
