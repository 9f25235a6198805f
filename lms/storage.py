"""Public media on S3-compatible object storage (see lms/settings/object_storage.py).

Only what pages show is public: Wagtail's renditions, under `images/`. Originals
(`original_images/`, which may carry a photo's GPS position) and documents
(served by Wagtail's view after its collection-privacy check) stay private
objects, so nobody reads them by guessing their address in the bucket.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PUBLIC_PREFIXES = ("images/",)


class PublicMediaStorage(S3Storage):
    """S3Storage whose objects under `public_prefixes` get `public_acl`."""

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "public_acl": "public-read",
            "public_prefixes": PUBLIC_PREFIXES,
        }

    def is_public(self, name: str) -> bool:
        """Whether `name` (relative to the storage's location) is public."""
        return clean_name(name).lstrip("/").startswith(tuple(self.public_prefixes))

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        # `name` arrives with the location in front.
        relative = name.removeprefix(self.location).lstrip("/")
        if self.public_acl and "ACL" not in params and self.is_public(relative):
            params["ACL"] = self.public_acl
        return params
