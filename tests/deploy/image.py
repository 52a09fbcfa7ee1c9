"""The runtime image's file tree, rebuilt from deploy/Dockerfile without Docker.

The Dockerfile is parsed with BuildKit's own parser (the `dockerfile` package);
the final stage's COPY instructions from the build context are replayed into a
directory, with .dockerignore applied as the Docker SDK applies it. What the
image does not copy is missing there, so an import of it fails as it would in
the container.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from fnmatch import fnmatchcase as fnmatch
from pathlib import Path, PurePosixPath

import dockerfile
from docker.utils.build import exclude_paths

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "deploy" / "Dockerfile"


@dataclass(frozen=True)
class ContextCopy:
    """One `COPY src... dest` from the build context, dest absolute in the image."""

    sources: tuple[str, ...]
    dest: PurePosixPath
    dest_is_dir: bool


@dataclass
class RuntimeStage:
    """What the final stage of the Dockerfile sets up."""

    copies: list[ContextCopy] = field(default_factory=list)
    # Other stages' names copied from (COPY --from=...).
    copied_stages: list[str] = field(default_factory=list)
    workdir: PurePosixPath = field(default_factory=lambda: PurePosixPath("/"))
    env: dict[str, str] = field(default_factory=dict)
    entrypoint: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)
    user: str = ""
    volumes: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)


def _flag(flags: tuple[str, ...], name: str) -> str | None:
    for flag in flags:
        if flag.startswith(f"--{name}="):
            return flag.split("=", 1)[1]
    return None


def _pairs(values: tuple[str, ...]) -> dict[str, str]:
    """ENV key value key value ... (the parser's form of both `ENV a=b` and `ENV a b`)."""
    return dict(zip(values[::2], values[1::2], strict=True))


def runtime_stage(path: Path = DOCKERFILE) -> RuntimeStage:
    """The last stage of the Dockerfile: context copies, WORKDIR, ENV, ENTRYPOINT, HEALTHCHECK."""
    stage = RuntimeStage()
    for command in dockerfile.parse_file(str(path)):
        cmd = command.cmd.upper()
        if cmd == "FROM":
            name = command.value[2] if len(command.value) == 3 and command.value[1].upper() == "AS" else ""
            stage = RuntimeStage(stages=[*stage.stages, name])
        elif cmd == "WORKDIR":
            stage.workdir = stage.workdir / command.value[0]
        elif cmd == "ENV":
            stage.env.update(_pairs(command.value))
        elif cmd == "USER":
            stage.user = command.value[0]
        elif cmd == "VOLUME":
            stage.volumes.extend(command.value)
        elif cmd == "ENTRYPOINT":
            stage.entrypoint = list(command.value)
        elif cmd == "HEALTHCHECK":
            # value: ("CMD", "python ...") in shell form, ("CMD", "python", "-m", ...) in exec form.
            stage.healthcheck = list(command.value[1:])
        elif cmd in ("COPY", "ADD"):
            *sources, dest = command.value
            source_stage = _flag(command.flags, "from")
            if source_stage is not None:
                stage.copied_stages.append(source_stage)
                continue
            assert cmd == "COPY", f"line {command.start_line}: use COPY for the build context, not ADD"
            dest_is_dir = dest.endswith("/") or len(sources) > 1
            stage.copies.append(ContextCopy(tuple(sources), stage.workdir / dest, dest_is_dir))
    return stage


def context_files(context: Path = REPO, dockerfile_path: Path = DOCKERFILE) -> set[str]:
    """Paths (relative, POSIX) that `docker build` sends: everything .dockerignore leaves."""
    return exclude_paths(
        str(context),
        dockerignore_patterns(context),
        dockerfile=dockerfile_path.relative_to(context).as_posix(),
    )


def dockerignore_patterns(context: Path = REPO) -> list[str]:
    """The patterns of .dockerignore, read as the Docker SDK reads them (blank and # lines dropped)."""
    ignore = context / ".dockerignore"
    lines = [line.strip() for line in ignore.read_text().splitlines()] if ignore.is_file() else []
    return [line for line in lines if line and not line.startswith("#")]


def build_tree(root: Path, stage: RuntimeStage, context: Path = REPO) -> None:
    """Replay the stage's context copies under `root` (the image's /)."""
    included = context_files(context)
    for copy in stage.copies:
        for source in copy.sources:
            pattern = PurePosixPath(source).as_posix()
            depth = len(PurePosixPath(pattern).parts)
            matches = sorted(
                PurePosixPath(p)
                for p in included
                if len(PurePosixPath(p).parts) == depth and fnmatch(p, pattern)
            )
            assert matches, f"COPY {source}: not in the build context (missing or .dockerignore'd)"
            for match in matches:
                src = context / match
                target = root / copy.dest.relative_to("/")
                if src.is_dir():
                    _copy_dir(src, match, target, included)
                else:
                    dest = target / match.name if copy.dest_is_dir else target
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, dest)


def _copy_dir(src: Path, rel: PurePosixPath, target: Path, included: set[str]) -> None:
    """A directory's contents into target, as COPY does, skipping what .dockerignore excludes."""
    target.mkdir(parents=True, exist_ok=True)
    for dirpath, _dirnames, filenames in os.walk(src):
        here = Path(dirpath)
        for name in filenames:
            relative = (rel / here.relative_to(src) / name).as_posix().removeprefix("./")
            if relative not in included:
                continue
            dest = target / here.relative_to(src) / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(here / name, dest)


def image_path(root: Path, path: str) -> Path:
    """An absolute path of the image, inside the rebuilt tree."""
    return root / PurePosixPath(path).relative_to("/")
