"""Short videos: kept as they are, once their boxes fill the file exactly."""

import struct

from django.core.exceptions import ValidationError

from .common import ERR_VIDEO_DAMAGED

VIDEO_TYPES = {
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
}


def video_check(upload, extension: str, size: int) -> None:
    """MP4/MOV: the top-level boxes must fill the file exactly. WebM is checked
    by its EBML header only (browsers record it with an open-ended segment)."""
    if extension == "webm":
        return
    damaged = ValidationError(ERR_VIDEO_DAMAGED, code="video_damaged")
    position = 0
    for _box in range(10_000):
        if position == size:
            return
        upload.seek(position)
        header = upload.read(16)
        if len(header) < 8:
            raise damaged
        box_size, box_type = struct.unpack(">I4s", header[:8])
        if not all(32 <= byte < 127 for byte in box_type):
            raise damaged
        if box_size == 1:
            if len(header) < 16:
                raise damaged
            box_size = struct.unpack(">Q", header[8:16])[0]
            if box_size < 16:
                raise damaged
        elif box_size == 0:  # the last box runs to the end of the file
            return
        elif box_size < 8:
            raise damaged
        position += box_size
        if position > size:
            raise damaged
    raise damaged
