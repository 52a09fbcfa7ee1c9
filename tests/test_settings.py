"""Settings: defaults < YAML < environment < explicit overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.scaffold.settings import ServerSettings, load_settings


def test_yaml_then_env_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("server:\n  port: 6000\n  workers: 3\n  max_queue: 7\n  engine: {psm: 6}\n")
    monkeypatch.setenv("OCRMESH_WORKERS", "5")
    settings = load_settings(ServerSettings, config, "server", max_queue=9)
    assert settings.port == 6000  # from YAML
    assert settings.workers == 5  # environment beats YAML
    assert settings.max_queue == 9  # explicit beats all
    assert settings.engine == {"psm": 6}
    assert settings.intake_limits().max_bytes == 50 * 1024 * 1024


def test_invalid_values_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("server:\n  workers: 0\n")
    with pytest.raises(ValueError, match="workers"):
        load_settings(ServerSettings, config, "server")
    with pytest.raises(ValueError, match="cannot read config"):
        load_settings(ServerSettings, tmp_path / "missing.yaml", "server")
