"""What the content pages show of course state, supplied by `courses` at start-up.

`courses` reads `cms` (lessons, measures); `cms` never imports `courses`. Pages
that show course state — upcoming runs on the front page, the registry of
certified firms — ask the provider registered here. `courses` registers its
provider in `CoursesConfig.ready()`; without it the pages show no runs and no
certified firms, and nothing fails.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RegistryOptions:
    """The choices the registry's filters offer: the data present."""

    municipalities: list[str] = field(default_factory=list)
    industries: list[tuple[str, str]] = field(default_factory=list)  # (code, label)


def _nothing(**kwargs) -> list:
    return []


def _no_options(**kwargs) -> RegistryOptions:
    return RegistryOptions()


def _no_profile(**kwargs) -> None:
    return None


@dataclass(frozen=True, kw_only=True)
class CourseState:
    """The reads a provider supplies. Each is called with keyword arguments only.

    - `upcoming_runs()`: runs open for enrolment, soonest first; each has `pk`,
      `title`, `municipality` and `enrolment_deadline`.
    - `registry_filter_options()`: an object with `municipalities` (names) and
      `industries` ((code, label) pairs).
    - `certified_firms(search=, municipality=, industry=)`: the firms with an
      active certification (a sliceable sequence, for the paginator); each has
      `org_number`, `name`, `org_number_display`, `municipality`,
      `get_industry_display` and `certified_until`.
    - `certified_firm_profile(org_number=)`: what `cms/firm_detail.html` shows
      of one certified firm, or None.
    - `certified_org_numbers()`: every org number in the registry (sitemap).
    """

    upcoming_runs: Callable[..., Sequence] = _nothing
    registry_filter_options: Callable[..., object] = _no_options
    certified_firms: Callable[..., Sequence] = _nothing
    certified_firm_profile: Callable[..., object | None] = _no_profile
    certified_org_numbers: Callable[..., Sequence[str]] = _nothing


_NONE = CourseState()
_provider: CourseState = _NONE


def register(provider: CourseState) -> CourseState:
    """Make `provider` the source of course state (the last one registered wins)."""
    global _provider
    _provider = provider
    return provider


def unregister() -> None:
    """Back to showing no course state (for tests)."""
    register(_NONE)


def provider() -> CourseState:
    return _provider
