"""Password hashing that cannot take every core at once.

A password hash is deliberately slow (Django's PBKDF2, about 0.2 s of one core
here). When many people log in together — the start of a course session, or
someone trying passwords from many addresses — the hashes fill every core and
every other page waits. `SlotLimitedPBKDF2PasswordHasher` is Django's PBKDF2
hasher, unchanged in strength and format (same algorithm name, iterations and
stored hashes), that takes one of PASSWORD_HASH_SLOTS slots in the shared cache
before hashing, so that at most that many hashes run at once across all app
servers and the rest of the site keeps its cores. A login that finds every slot
taken waits its turn (run the app servers with threads, so a waiting login holds
a thread and not a whole process); after PASSWORD_HASH_WAIT_SECONDS it hashes
anyway, so the limit can slow a login but never refuse one.

A slot is a cache key set with `add` (atomic) and a short lifetime, so a process
that dies while hashing frees its slot by itself. There are only
PASSWORD_HASH_SLOTS keys, whatever the traffic.
"""

import time
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache

SLOT_KEY = "auth:hash-slot:{}"
# A slot outlives any hash; a crashed process's slot is free again after this.
SLOT_SECONDS = 10
POLL_SECONDS = 0.01


@contextmanager
def hash_slot():
    """Hold one of the shared hashing slots for the duration of the block (or
    none, once PASSWORD_HASH_WAIT_SECONDS have passed)."""
    slots = settings.PASSWORD_HASH_SLOTS
    token = uuid.uuid4().hex
    deadline = time.monotonic() + settings.PASSWORD_HASH_WAIT_SECONDS
    held = None
    while held is None and slots > 0:
        for number in range(slots):
            key = SLOT_KEY.format(number)
            if cache.add(key, token, SLOT_SECONDS):
                held = key
                break
        if held is None:
            if time.monotonic() >= deadline:
                break
            time.sleep(POLL_SECONDS)
    try:
        yield held
    finally:
        if held is not None and cache.get(held) == token:
            cache.delete(held)


class SlotLimitedPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 (same algorithm, iterations and format), at most
    PASSWORD_HASH_SLOTS at a time across all app servers."""

    def encode(self, password, salt, iterations=None):
        with hash_slot():
            return super().encode(password, salt, iterations)
