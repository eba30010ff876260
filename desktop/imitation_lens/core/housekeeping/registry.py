"""A list of named things that a package's modules add themselves to: export formats, kinds of
server. Adding one is adding a module that defines it; the package finds it with pkgutil."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def order(self) -> int: ...


T = TypeVar("T", bound=Named)


class Registry(Generic[T]):
    """`items` (sorted by order, then name) and `by_name` are changed in place, never rebound,
    so a module that imported them sees every registration."""

    def __init__(self, kind: type[T], attribute: str) -> None:
        self.items: list[T] = []
        self.by_name: dict[str, T] = {}
        self._kind = kind
        self._attribute = attribute

    def register(self, item: T) -> T:
        """Add `item`; one registered again under its name replaces the one before."""
        known = self.by_name.get(item.name)
        if known is not None:
            self.items.remove(known)
        self.by_name[item.name] = item
        self.items.append(item)
        self.items.sort(key=lambda i: (i.order, i.name))
        return item

    def discover(self, package: str, path: Iterable[str]) -> None:
        """Register what each module of `package` (found on `path`) defines as the attribute."""
        for module in pkgutil.iter_modules(list(path)):
            found = getattr(
                importlib.import_module(f"{package}.{module.name}"), self._attribute, None
            )
            if isinstance(found, self._kind) and self.by_name.get(found.name) is not found:
                self.register(found)
