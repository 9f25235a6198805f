"""Wagtail admin viewsets that obey the site's object permissions.

Wagtail's generic `ModelViewSet` asks a permission policy whether a person may
add, change, view or delete a model, but its edit and delete views load any
object by its id. The policy and views here close that gap: who may do what is
decided by the `rules` predicates the site's own pages use, the listing shows
only the objects the person may see, and an object view opened by URL answers
404 for an object the person may not see and 403 for one they may see but not
change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, QuerySet, RestrictedError
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

SEE = ("change", "view")


class RulesPermissionPolicy(ModelPermissionPolicy):
    """Permissions from `rules` predicates instead of group permission rows.

    `actions` maps an action ("add", "change", "view", "delete") to a predicate of
    the person alone: may they do it to some object of the model (menus, buttons).
    `instance_actions` maps an action to a predicate of the person and the object.
    `visible_to` gives the objects the person may see or change.
    """

    actions: dict = {}
    instance_actions: dict = {}

    def user_has_permission(self, user, action):
        predicate = self.actions.get(action)
        return bool(predicate is not None and predicate.test(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        predicate = self.instance_actions.get(action)
        return bool(predicate is not None and predicate.test(user, instance))

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.visible_to(user)

    def visible_to(self, user) -> QuerySet:
        raise NotImplementedError("Each policy says which objects a person may see.")


class PermittedIndexView(generic.IndexView):
    """Lists only what the person may see or change."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, SEE
        )


class ObjectPermissionMixin:
    """404 for an object the person may not see; 403 for one they may see but
    not act on in this view."""

    object_action = "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        user = self.request.user
        if not policy.user_has_any_permission_for_instance(user, SEE, obj):
            raise Http404
        if not policy.user_has_permission_for_instance(user, self.object_action, obj):
            raise PermissionDenied
        return obj


class PermittedEditView(ObjectPermissionMixin, generic.EditView):
    object_action = "change"


class PermittedDeleteView(ObjectPermissionMixin, generic.DeleteView):
    """Deletes the object, or says why it cannot. An object whose deletion would
    take records with it (`kept_relations`: a firm's enrolments) or that records
    protect (a firm's placements) is refused with a message naming them, and
    nothing is deleted."""

    object_action = "delete"
    # Related managers that, when not empty, keep the object.
    kept_relations: tuple[str, ...] = ()

    def form_valid(self, form):
        kept = [
            getattr(self.object, name).model._meta.verbose_name_plural
            for name in self.kept_relations
            if getattr(self.object, name).exists()
        ]
        if kept:
            return self._refuse(kept)
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError) as error:
            records = getattr(error, "protected_objects", None) or getattr(
                error, "restricted_objects", ()
            )
            return self._refuse([obj._meta.verbose_name_plural for obj in records])

    def _refuse(self, kept):
        messages.error(
            self.request,
            _(
                "%(object)s cannot be deleted because other records depend on it: "
                "%(records)s. Remove or move those first."
            )
            % {
                "object": self.object,
                "records": ", ".join(sorted({str(name) for name in kept})),
            },
        )
        return HttpResponseRedirect(self.request.get_full_path())


class PermittedHistoryView(ObjectPermissionMixin, HistoryView):
    object_action = "change"


class PermittedUsageView(ObjectPermissionMixin, UsageView):
    object_action = "change"


class ServiceFormMixin:
    """A rule the service refuses (a `ValidationError`) is shown on the form,
    like the form's own errors; the transaction around the save is rolled back."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    """Creates through the app's service instead of `form.save()`; the service
    is the one place with the rules of a new object."""

    def create(self, form):
        raise NotImplementedError("Each view calls its app's create service.")

    def save_instance(self):
        instance = self.create(self.form)
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class ServiceEditView(ServiceFormMixin, PermittedEditView):
    """Saves through the app's service instead of `form.save()`."""

    def update(self, form):
        raise NotImplementedError("Each view calls its app's update service.")

    def save_instance(self):
        instance = self.update(self.form)
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class PermittedModelViewSet(ModelViewSet):
    """A `ModelViewSet` whose views all check the object, not only the model."""

    copy_view_enabled = False
    index_view_class = PermittedIndexView
    edit_view_class = PermittedEditView
    delete_view_class = PermittedDeleteView
    history_view_class = PermittedHistoryView
    usage_view_class = PermittedUsageView
