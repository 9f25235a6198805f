from django.utils.functional import SimpleLazyObject


def navigation_roles(request):
    """What the header offers this person, from one cached query of their roles."""

    def build():
        from lms.accounts import rules as predicates

        user = request.user
        return {
            "course_leader": predicates.is_course_leader(user)
            or predicates.is_administrator(user),
            "editor": predicates.is_editor(user) or predicates.is_administrator(user),
        }

    return {"nav_roles": SimpleLazyObject(build)}
