from django.utils.functional import SimpleLazyObject

from . import selectors


def navigation(request):
    return {"main_menu": SimpleLazyObject(selectors.main_menu)}
