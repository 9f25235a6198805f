"""The blocks a lesson is written with. Each has a template in templates/blocks/."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")


# The rendition templates/blocks/image.html asks for.
IMAGE_RENDITION = "width-1000"


class LessonImageChooserBlock(ImageChooserBlock):
    """Loads all images of a lesson with their renditions, in two queries."""

    def bulk_to_python(self, values):
        ids = [v for v in values if v is not None]
        images = self.model_class.objects.prefetch_renditions(IMAGE_RENDITION)
        found = images.in_bulk(ids)
        return [found.get(v) for v in values]


class ImageBlock(blocks.StructBlock):
    # The alt text comes from the image itself, where it is required.
    image = LessonImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")


class VideoBlock(blocks.StructBlock):
    """A video with the transcript universal design requires.

    Rendered as a link to the video plus the transcript on the page, not as a
    third-party iframe: no video platform sees our users unless they choose to go.
    """

    title = blocks.CharBlock(label=_("title"), max_length=150)
    url = blocks.URLBlock(label=_("video address"))
    duration_minutes = blocks.IntegerBlock(
        label=_("length in minutes"), required=False, min_value=1
    )
    transcript = blocks.TextBlock(
        label=_("transcript"),
        help_text=_("Required: everything said and shown that matters, as text."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")


class CaseStoryBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    role = blocks.CharBlock(label=_("who says it (role)"), max_length=120)
    firm_type = blocks.CharBlock(label=_("type of firm"), max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/case_story.html"
        label = _("Case story")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=150)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))

    class Meta:
        icon = "tasks"
        template = "blocks/checklist.html"
        label = _("Checklist")


class ReflectionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    guidance = blocks.TextBlock(label=_("guidance"), required=False)

    class Meta:
        icon = "help"
        template = "blocks/reflection.html"
        label = _("Reflection question")


class MeasureChooserBlock(SnippetChooserBlock):
    """Loads all measures of a lesson, with provider, in one query."""

    def __init__(self, **kwargs):
        super().__init__("cms.Measure", **kwargs)

    def bulk_to_python(self, values):
        ids = [v for v in values if v is not None]
        measures = self.model_class.objects.select_related("provider").in_bulk(ids)
        return [measures.get(v) for v in values]


class MeasureReferenceBlock(blocks.StructBlock):
    measure = MeasureChooserBlock(label=_("measure"))
    note = blocks.TextBlock(
        label=_("why it matters here"), required=False, max_length=400
    )

    class Meta:
        icon = "link"
        template = "blocks/measure_reference.html"
        label = _("Measure reference")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(
        label=_("description"), required=False, max_length=250
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Document download")


class QuizBlock(blocks.StructBlock):
    """Places a quiz in the lesson.

    `quiz` names the quiz by its key; the quizzes issue connects the key to the
    quiz itself. Until then the block shows what the quiz is about.
    """

    title = blocks.CharBlock(label=_("title"), max_length=150)
    quiz = blocks.CharBlock(
        label=_("quiz key"),
        max_length=80,
        required=False,
        help_text=_("The key of the quiz in the question bank."),
    )
    introduction = blocks.TextBlock(label=_("introduction"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/quiz.html"
        label = _("Quiz")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    case_story = CaseStoryBlock()
    checklist = ChecklistBlock()
    reflection = ReflectionBlock()
    measure = MeasureReferenceBlock()
    document = DocumentBlock()
    quiz = QuizBlock()
