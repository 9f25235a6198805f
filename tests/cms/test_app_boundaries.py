"""`courses` reads `cms`; `cms` never imports `courses` (it asks the course-state
provider `courses` registers at start-up)."""

import ast
from pathlib import Path

import cms
from cms import course_state

CMS_DIR = Path(cms.__file__).parent


def _imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_in_cms_imports_courses():
    offenders = [
        f"{path.relative_to(CMS_DIR.parent)}: {name}"
        for path in sorted(CMS_DIR.rglob("*.py"))
        for name in _imported_modules(ast.parse(path.read_text(), str(path)))
        if name == "courses" or name.startswith("courses.")
    ]
    assert offenders == []


def test_courses_registers_the_course_state_at_start_up():
    from courses.selectors import registry, runs

    state = course_state.provider()
    assert state.upcoming_runs is runs.upcoming_runs
    assert state.certified_firms is registry.certified_firms


def test_without_a_provider_the_pages_show_no_course_state():
    registered = course_state.provider()
    try:
        course_state.unregister()
        state = course_state.provider()
        assert list(state.upcoming_runs()) == []
        assert list(state.certified_firms(search="x")) == []
        assert state.certified_firm_profile(org_number="987654325") is None
        assert state.registry_filter_options().municipalities == []
    finally:
        course_state.register(registered)
