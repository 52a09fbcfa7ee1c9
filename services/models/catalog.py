"""Every backend's model specs, collected from the backends' own `models.py`.

Imported lazily and one by one, so a backend that is not there (or not
installed) leaves the others usable: its name is reported as unavailable.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from services import catalogue
from services.models.spec import ModelSpec

# Backend name -> module with `MODELS: list[ModelSpec]` (the catalogue's backends that have weights).
BACKEND_MODULES: dict[str, str] = {
    name: entry.models_module for name, entry in catalogue.BACKENDS.items() if entry.models_module
}


@dataclass
class Catalog:
    specs: dict[str, list[ModelSpec]] = field(default_factory=dict)
    # Backend -> why its specs could not be read.
    unavailable: dict[str, str] = field(default_factory=dict)

    def select(self, target: str) -> list[ModelSpec]:
        """Specs of one backend, or of all with "all"; ValueError for an unknown name."""
        if target == "all":
            return [spec for specs in self.specs.values() for spec in specs]
        if target in self.specs:
            return list(self.specs[target])
        if target in self.unavailable:
            raise ValueError(f"the models of {target} cannot be listed: {self.unavailable[target]}")
        raise ValueError(f"unknown backend {target!r}; known: all, {', '.join(sorted(BACKEND_MODULES))}")


def load_catalog() -> Catalog:
    catalog = Catalog()
    for backend, module_name in BACKEND_MODULES.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            catalog.unavailable[backend] = f"{module_name} not importable ({exc})"
            continue
        models = getattr(module, "MODELS", None)
        if not isinstance(models, list) or not all(isinstance(s, ModelSpec) for s in models):
            catalog.unavailable[backend] = f"{module_name} has no MODELS list of ModelSpec"
            continue
        catalog.specs[backend] = models
    return catalog
