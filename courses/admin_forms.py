"""The Wagtail admin form for questions: choices must fit the question's kind."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm


class QuestionAdminForm(WagtailAdminModelForm):
    def _kept_choices(self) -> list[dict]:
        formset = self.formsets.get("choices")
        if formset is not None:
            # The parent form is cleaned before its formsets; clean them now.
            formset.is_valid()
        kept = []
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            if not form.has_changed() and not form.instance.pk:
                continue  # an untouched empty row
            kept.append(
                {"text": data.get("text", ""), "is_correct": data.get("is_correct")}
            )
        return kept

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind"):
            from .services.quizzes import question_validate_choices

            try:
                question_validate_choices(
                    kind=cleaned["kind"], choices=self._kept_choices()
                )
            except ValidationError as error:
                for message in error.messages:
                    self.add_error(None, message)
        return cleaned
