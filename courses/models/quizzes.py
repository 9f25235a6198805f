"""The question bank, quizzes and attempts.

An attempt stores what was asked (a snapshot of each question and its choices, in
the order shown) and what was answered, so editing a question later never changes
an attempt's answers or score.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cms.areas import Area

from ..admin_forms import QuestionAdminForm


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class Question(ClusterableModel):
    """A question in the bank, tagged with a toolbox area (and maybe a measure)."""

    area = models.CharField(_("toolbox area"), max_length=20, choices=Area.choices)
    measure = models.ForeignKey(
        "cms.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("measure"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"), help_text=_("Shown after the question has been answered.")
    )
    partial_credit = models.BooleanField(
        _("partial credit"),
        default=False,
        help_text=_(
            "Multiple choice only: each correct choice earns its share and each "
            "wrong choice takes a share away (never below zero). Otherwise the "
            "answer must be exactly right."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = QuestionAdminForm
    panels = [
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("partial_credit")], heading=_("Kind")
        ),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("measure")], heading=_("Belongs to")
        ),
        InlinePanel("choices", label=_("Choices"), min_num=2),
        FieldPanel("explanation"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["area", "pk"]

    def __str__(self):
        return self.text[:80]


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.CharField(_("feedback"), max_length=300, blank=True)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class Grading(models.TextChoices):
    BEST = "best", _("Best attempt")
    LAST = "last", _("Last attempt")


class FeedbackTiming(models.TextChoices):
    AFTER_EACH = "after_each", _("After each question")
    AT_END = "at_end", _("At the end")


class Quiz(ClusterableModel):
    """A quiz: fixed questions and/or questions drawn at random from an area."""

    title = models.CharField(_("title"), max_length=200)
    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Used by the quiz block in a lesson to place this quiz."),
    )
    instructions = models.TextField(_("instructions"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    grading = models.CharField(
        _("grading"), max_length=8, choices=Grading.choices, default=Grading.BEST
    )
    draw_area = models.CharField(
        _("draw from area"), max_length=20, choices=Area.choices, blank=True
    )
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn at random"), default=0
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True
    )
    feedback_timing = models.CharField(
        _("show feedback"),
        max_length=12,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AT_END,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("grading"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("feedback_timing"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("fixed_questions", label=_("Fixed questions")),
        MultiFieldPanel(
            [
                FieldPanel("draw_area"),
                FieldPanel("draw_count"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
            ],
            heading=_("Questions drawn at random"),
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__lte=100), name="quiz_pass_mark_percent"
            ),
        ]

    def __str__(self):
        return self.title


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed question")
        verbose_name_plural = _("fixed questions")


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    seed = models.BigIntegerField()
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("must be submitted by"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="attempt_number_unique"
            ),
            # At most one unfinished attempt per person and quiz.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(submitted_at__isnull=True),
                name="attempt_one_open",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz} #{self.number}"


class AttemptQuestion(models.Model):
    """One question as it was asked in an attempt (text and choices frozen)."""

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # {"text", "kind", "explanation", "partial_credit",
    #  "choices": [{"id", "text", "is_correct", "feedback"}, ...] in shown order}
    snapshot = models.JSONField()

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="attempt_question_position_unique"
            ),
        ]

    def __str__(self):
        return f"{self.attempt} – {self.position}"


class Answer(models.Model):
    """What the person chose for one question; saved as soon as it is given."""

    attempt_question = models.OneToOneField(
        AttemptQuestion, on_delete=models.CASCADE, related_name="answer"
    )
    selected = models.JSONField(default=list)  # choice ids from the snapshot
    answered_at = models.DateTimeField(auto_now=True)
    score = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)

    def __str__(self):
        return f"{self.attempt_question}: {self.selected}"


class AttemptGrant(models.Model):
    """Extra attempts a course leader gave one person at one quiz, and why.

    Only ever created: the person's limit is the quiz's plus the sum of their
    grants, so the record of who allowed what stays whole.
    """

    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="grants", verbose_name=_("quiz")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attempt_grants",
        verbose_name=_("participant"),
    )
    run = models.ForeignKey(
        "courses.CourseRun",
        on_delete=models.PROTECT,
        related_name="attempt_grants",
        verbose_name=_("course run"),
    )
    extra = models.PositiveSmallIntegerField(_("extra attempts"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("extra attempts")
        verbose_name_plural = _("extra attempts")
        ordering = ["quiz", "user", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(extra__gte=1) & Q(extra__lte=5),
                name="attempt_grant_extra_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(reason=""), name="attempt_grant_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz} +{self.extra}"
