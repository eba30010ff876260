"""API keys: from the OS keychain (keyring) or an environment variable, never from the database."""

from __future__ import annotations

import itertools
import os
import re

KEYRING_SERVICE = "imitation-lens"

# Longer than any variable name people write, shorter than any provider's key.
MAX_VARIABLE_NAME = 40
# Lower-case prefixes of keys that are otherwise letters, digits and _ (Groq, GitHub, Replicate…).
_KEY_PREFIXES = (
    "sk_",
    "sk-",
    "gsk_",
    "hf_",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "github_pat_",
    "r8_",
    "AIza",
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def keyring_name(base_url: str) -> str:
    return base_url.rstrip("/")


def looks_like_variable_name(text: str) -> bool:
    """Whether `text` can be the name of an environment variable holding a key, and does not
    look like a key pasted in its place (a key must never be saved as a variable's name)."""
    if not _NAME.fullmatch(text) or len(text) > MAX_VARIABLE_NAME:
        return False
    if text.startswith(_KEY_PREFIXES) and len(text) >= 16:
        return False
    return not any(_random_looking(part) for part in text.split("_"))


def _random_looking(part: str) -> bool:
    """A run that reads like generated characters rather than words: long, with digits mixed
    into letters, or with upper and lower case scattered through it (CamelCase changes case
    about twice a word; a random run about every other character)."""
    if len(part) < 16:
        return False
    digits = sum(c.isdigit() for c in part)
    mixed_case = part.lower() != part and part.upper() != part
    if 2 <= digits < len(part) or (digits == 1 and mixed_case):
        return True
    case_changes = sum(a.islower() != b.islower() for a, b in itertools.pairwise(part))
    return len(part) >= 20 and case_changes > len(part) * 0.4


def find_api_key(base_url: str, env_name: str) -> str | None:
    """The key for a server: the environment first (explicit wins), then the OS keychain."""
    if env_name and looks_like_variable_name(env_name) and os.environ.get(env_name):
        return os.environ[env_name]
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, keyring_name(base_url))
        except KeyringError:
            return None
    except Exception:  # no usable keychain backend on this machine
        return None


def store_api_key(base_url: str, key: str) -> bool:
    """Keep a key in the OS keychain; False where no keychain exists (use the environment then)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_name(base_url), key)
    except Exception:
        return False
    return True


def redact(text: str, *secrets: str | None) -> str:
    """Remove secrets from text that may be shown, logged or saved (e.g. an error message)."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[key hidden]")
    return text
