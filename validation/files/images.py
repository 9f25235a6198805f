"""Images: decoded only under the pixel limit, re-encoded without metadata."""

import io
import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .common import ERR_IMAGE_DAMAGED, ERR_IMAGE_TOO_MANY_PIXELS

IMAGE_TYPES = {  # filetype's extension → (Pillow formats allowed to decode it)
    "jpg": ("JPEG", "MPO"),  # phones write MPO: a JPEG with a depth picture
    "png": ("PNG",),
    "apng": ("PNG",),
    "webp": ("WEBP",),
    "heic": ("HEIF",),
}


def image_clean(upload, extension: str) -> tuple[bytes, str, str]:
    """Re-encoded image bytes without metadata, their content type and extension."""
    if extension == "heic":
        import pillow_heif  # only HEIC uploads need it

        pillow_heif.register_heif_opener()  # Pillow's plug-in API; idempotent
    max_pixels = settings.EVIDENCE_MAX_IMAGE_PIXELS
    too_many = ValidationError(
        ERR_IMAGE_TOO_MANY_PIXELS,
        code="too_many_pixels",
        params={"limit": number_format(max_pixels / 1_000_000, decimal_pos=0)},
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Over Pillow's own threshold it warns (and at twice that refuses);
            # our limit below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=IMAGE_TYPES[extension])
        with image:
            width, height = image.size  # from the header; nothing decoded yet
            if width * height > max_pixels:
                raise too_many
            return _image_encode(image)
    except Image.DecompressionBombError as error:
        raise too_many from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        struct.error,
        IndexError,
        TypeError,
    ) as error:
        # Pillow reports damaged and truncated files with any of these.
        raise ValidationError(ERR_IMAGE_DAMAGED, code="image_damaged") from error


def _image_encode(image: Image.Image) -> tuple[bytes, str, str]:
    source_format = image.format
    max_edge = settings.EVIDENCE_IMAGE_MAX_EDGE
    if max_edge and source_format in {"JPEG", "MPO"} and max(image.size) > max_edge:
        # JPEG decodes straight to 1/2, 1/4 or 1/8 size: much less time and
        # memory. Within 10 % of the edge is as good as the edge itself.
        scale = 0.9 * max_edge / max(image.size)
        image.draft(None, (int(image.width * scale), int(image.height * scale)))
    icc_profile = image.info.get("icc_profile")
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    image = ImageOps.exif_transpose(image)  # upright, before the EXIF goes
    if max_edge:
        image.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    if has_alpha:
        image = image.convert("RGBA")
    elif image.mode not in {"1", "L", "RGB", "I;16"}:
        image = image.convert("RGB") if image.mode != "CMYK" else image
    if icc_profile and image.mode in {"RGB", "RGBA", "CMYK"}:
        image = _to_srgb(image, icc_profile)

    if source_format in {"JPEG", "MPO"} or (source_format == "HEIF" and not has_alpha):
        output, params = ("JPEG", "jpg", "image/jpeg"), {"quality": 85}
        if image.mode not in {"L", "RGB"}:
            image = image.convert("RGB")
    elif source_format == "WEBP":
        output, params = ("WEBP", "webp", "image/webp"), {"quality": 85}
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA" if has_alpha else "RGB")
    else:  # PNG, and HEIC with transparency
        output, params = ("PNG", "png", "image/png"), {}
        if image.mode == "CMYK":
            image = image.convert("RGB")
    # A fresh image: no EXIF (GPS), XMP, text chunks, comments or ICC profile is
    # carried over, whatever the encoder would take from `info`.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format=output[0], **params)
    return buffer.getvalue(), output[2], output[1]


def _to_srgb(image: Image.Image, icc_profile: bytes) -> Image.Image:
    """The image in sRGB (phones shoot Display P3), so dropping the profile keeps
    its colours; unchanged if the profile cannot be used."""
    mode = "RGBA" if image.mode == "RGBA" else "RGB"
    try:
        return ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image.convert(mode)
