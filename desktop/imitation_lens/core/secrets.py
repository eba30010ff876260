"""API keys: from the OS keychain (keyring) or an environment variable, never from the database."""

from __future__ import annotations

import os

KEYRING_SERVICE = "imitation-lens"


def keyring_name(base_url: str) -> str:
    return base_url.rstrip("/")


def find_api_key(base_url: str, env_name: str) -> str | None:
    """The key for an endpoint: the environment first (explicit wins), then the OS keychain."""
    if env_name and os.environ.get(env_name):
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
