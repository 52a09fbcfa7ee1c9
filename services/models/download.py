"""Fetch model weights ahead of serving, and check them every time.

`ocrmesh models download` fetches each spec with
`huggingface_hub.snapshot_download` (its own progress bars) into
`<models dir>/<spec.name>`, then verifies:

- files the spec lists in `sha256` must have exactly those hashes;
- a lock file beside the weights (`ocrmesh-model.lock.json`) records the
  commit the revision resolved to and the SHA-256 of every file. The first
  download writes it (trust on first use: our specs' revisions are "main"
  placeholders until someone with hub access puts commit shas in); every
  later run fetches that locked commit, not whatever "main" is then, and the
  files must still match the recorded hashes. `--update` moves the lock to
  the revision's current commit deliberately.

Nothing downloads at serve time; `verify()` needs no network.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from services.models.spec import ModelSpec

LOCK_FILE = "ocrmesh-model.lock.json"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")

# fetch(spec, revision, local_dir) -> the commit sha the revision resolved to.
Fetch = Callable[[ModelSpec, str, Path], str]


class ModelCheckError(RuntimeError):
    """Weights on disk do not match their spec or lock."""


@dataclass
class Lock:
    source: str
    revision: str
    resolved_revision: str
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    written: str = ""

    @classmethod
    def read(cls, folder: Path) -> Lock | None:
        try:
            data = json.loads((folder / LOCK_FILE).read_text("utf-8"))
            return cls(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            raise ModelCheckError(f"unreadable lock file {folder / LOCK_FILE}: {exc}") from None

    def write(self, folder: Path) -> None:
        (folder / LOCK_FILE).write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n", "utf-8")


def is_commit(revision: str) -> bool:
    return bool(_COMMIT.match(revision))


def sha256_file(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def weight_files(folder: Path) -> dict[str, Path]:
    """Files of a model folder (lock file and download caches excluded), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_FILE and ".cache" not in p.relative_to(folder).parts
    }


def hash_files(folder: Path) -> dict[str, str]:
    return {name: sha256_file(path) for name, path in weight_files(folder).items()}


def verify(spec: ModelSpec, root: Path | None = None) -> Lock:
    """Check the weights on disk against the spec's hashes and the lock (no network). Returns the lock."""
    folder = spec.local_dir(root)
    if not spec.present(root):
        raise ModelCheckError(f"{spec.name}: no weights in {folder}; run `ocrmesh models download {spec.backend}`")
    lock = Lock.read(folder)
    if lock is None:
        raise ModelCheckError(f"{spec.name}: no lock file in {folder}; run `ocrmesh models download {spec.backend}`")
    if is_commit(spec.revision) and lock.resolved_revision != spec.revision:
        raise ModelCheckError(f"{spec.name}: weights are from {lock.resolved_revision}, the spec pins {spec.revision}")
    on_disk = hash_files(folder)
    for name, expected in {**lock.files, **spec.sha256}.items():
        actual = on_disk.get(name)
        if actual is None:
            raise ModelCheckError(f"{spec.name}: {name} is missing in {folder}")
        if actual != expected:
            raise ModelCheckError(f"{spec.name}: {name} has SHA-256 {actual}, expected {expected}")
    return lock


def hub_fetch(spec: ModelSpec, revision: str, local_dir: Path) -> str:
    """Download through huggingface_hub (progress bars on stderr); returns the resolved commit."""
    from huggingface_hub import HfApi, snapshot_download

    commit = revision if is_commit(revision) else HfApi().model_info(spec.source, revision=revision).sha
    if not commit:
        raise ModelCheckError(f"{spec.source}: the hub did not resolve revision {revision!r} to a commit")
    snapshot_download(
        repo_id=spec.source,
        revision=commit,
        local_dir=local_dir,
        allow_patterns=list(spec.allow_patterns) or None,
    )
    return commit


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def url_fetch(spec: ModelSpec, revision: str, local_dir: Path) -> str:
    """A non-hub folder served over HTTPS with a `manifest.json` listing its files (Surya's checkpoints).

    Such folders are named by date and have no commits: the "resolved revision"
    is the spec's revision, and the lock's file hashes carry the trust.
    """
    import httpx
    from tqdm import tqdm

    base = spec.source.rstrip("/")
    with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(60.0, read=300.0)) as client:
        manifest = client.get(f"{base}/manifest.json")
        manifest.raise_for_status()
        names = list(manifest.json().get("files", []))
        (local_dir / "manifest.json").write_bytes(manifest.content)
        for name in names:
            target = local_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with client.stream("GET", f"{base}/{name}") as response:
                response.raise_for_status()
                total = int(response.headers.get("content-length", 0)) or None
                partial = target.with_name(target.name + ".part")
                with partial.open("wb") as f, tqdm(total=total, unit="B", unit_scale=True, desc=name) as bar:
                    for chunk in response.iter_bytes(1 << 20):
                        f.write(chunk)
                        bar.update(len(chunk))
                partial.replace(target)
    return revision


def download(
    spec: ModelSpec, root: Path | None = None, *, update: bool = False, fetch: Fetch | None = None
) -> Lock:
    """Fetch `spec` (the locked commit if there is a lock, unless `update`), verify, and (re)write the lock."""
    fetch = fetch or (url_fetch if is_url(spec.source) else hub_fetch)
    folder = spec.local_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    lock = Lock.read(folder)
    if is_commit(spec.revision):
        revision = spec.revision
    elif lock is not None and not update and lock.revision == spec.revision:
        revision = lock.resolved_revision  # trust on first use: stay on the commit first seen
    else:
        revision = spec.revision
    commit = fetch(spec, revision, folder)
    files = hash_files(folder)
    for name, expected in spec.sha256.items():
        if files.get(name) != expected:
            raise ModelCheckError(f"{spec.name}: {name} has SHA-256 {files.get(name)}, the spec expects {expected}")
    if lock is not None and not update and lock.resolved_revision == commit:
        changed = sorted(n for n, h in lock.files.items() if files.get(n) != h)
        if changed:
            raise ModelCheckError(
                f"{spec.name}: files differ from the lock of commit {commit}: {', '.join(changed)}; "
                "delete the folder and download again, or investigate"
            )
    new_lock = Lock(spec.source, spec.revision, commit, files, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    new_lock.write(folder)
    return new_lock


@dataclass(frozen=True)
class ModelStatus:
    spec: ModelSpec
    present: bool
    size_bytes: int
    resolved_revision: str


def status(spec: ModelSpec, root: Path | None = None) -> ModelStatus:
    """Presence and size on disk (no hashing; fast)."""
    folder = spec.local_dir(root)
    present = spec.present(root)
    size = sum(p.stat().st_size for p in weight_files(folder).values()) if present else 0
    try:
        lock = Lock.read(folder) if present else None
    except ModelCheckError:
        lock = None
    return ModelStatus(spec, present, size, lock.resolved_revision if lock else "")
