"""Password hashing limited to a few at a time across app servers, at full
strength (lms.accounts.hashers)."""

import threading
import time

from django.contrib.auth.hashers import (
    PBKDF2PasswordHasher,
    check_password,
    identify_hasher,
    make_password,
)
from django.core.cache import cache
from django.test import override_settings

import pytest

from lms.accounts import hashers
from lms.accounts.hashers import SLOT_KEY, SlotLimitedPBKDF2PasswordHasher


def production_hashers():
    from lms.settings import base

    return base.PASSWORD_HASHERS


def test_hashes_are_djangos_pbkdf2_at_full_strength(settings):
    settings.PASSWORD_HASHERS = production_hashers()
    encoded = make_password("kaffe og vafler")
    algorithm, iterations, _salt, _hash = encoded.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) == PBKDF2PasswordHasher.iterations
    assert isinstance(identify_hasher(encoded), SlotLimitedPBKDF2PasswordHasher)
    # Stored hashes are interchangeable with Django's own hasher's.
    assert PBKDF2PasswordHasher().verify("kaffe og vafler", encoded)
    legacy = PBKDF2PasswordHasher().encode("kaffe og vafler", "saltsalt12345678")
    assert check_password("kaffe og vafler", legacy)
    assert not check_password("feil passord", legacy)


@override_settings(PASSWORD_HASH_SLOTS=1, PASSWORD_HASH_WAIT_SECONDS=5)
def test_no_more_hashes_at_once_than_there_are_slots(monkeypatch):
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_encode(self, password, salt, iterations=None):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return "x"

    monkeypatch.setattr(PBKDF2PasswordHasher, "encode", slow_encode)
    hasher = SlotLimitedPBKDF2PasswordHasher()
    threads = [
        threading.Thread(target=hasher.encode, args=("pw", "salt")) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1
    assert cache.get(SLOT_KEY.format(0)) is None  # the slot is free again


@override_settings(PASSWORD_HASH_SLOTS=1, PASSWORD_HASH_WAIT_SECONDS=0.05)
def test_a_login_waits_for_a_slot_but_is_never_refused():
    cache.set(SLOT_KEY.format(0), "held by a crashed process", 60)
    started = time.monotonic()
    encoded = SlotLimitedPBKDF2PasswordHasher().encode("pw", "saltsalt", 1000)
    assert time.monotonic() - started >= 0.05
    assert SlotLimitedPBKDF2PasswordHasher().verify("pw", encoded)
    # It never took (or freed) a slot it did not hold.
    assert cache.get(SLOT_KEY.format(0)) == "held by a crashed process"


@override_settings(PASSWORD_HASH_SLOTS=2)
def test_a_slot_is_freed_even_when_hashing_fails(monkeypatch):
    def broken(self, password, salt, iterations=None):
        raise ValueError("boom")

    monkeypatch.setattr(PBKDF2PasswordHasher, "encode", broken)
    with pytest.raises(ValueError):
        SlotLimitedPBKDF2PasswordHasher().encode("pw", "salt")
    assert cache.get(SLOT_KEY.format(0)) is None
    assert cache.get(SLOT_KEY.format(1)) is None


def test_slots_expire_so_a_dead_process_cannot_hold_one_for_ever():
    assert 0 < hashers.SLOT_SECONDS <= 30
