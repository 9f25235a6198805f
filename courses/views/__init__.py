# The <id:…> URL converter must be registered before any view module builds its
# URL patterns; every `courses.views.<module>` import runs this first.
from lms import converters  # noqa: F401
