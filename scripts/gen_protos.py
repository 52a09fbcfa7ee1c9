"""Generate the Python modules of the contract from protos/ into ocrmesh/.

A second output is the installable client's own copy of the stubs it needs
(`clients/python/ocrmesh_client/v1/`, OcrService only): the same protoc
output with its one intra-contract import pointed at `ocrmesh_client.v1`, so
the client installs without the mesh. Both copies register the same proto
file with the same bytes, so one process may import both (the classes are
the same objects).

Run with the project's virtualenv: `python scripts/gen_protos.py` (or
`make protos`). `--check` regenerates into a temporary directory and fails if
the committed modules (both outputs) differ, which the test suite does on
every run.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "protos"
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")
CLIENT_DIR = Path("clients/python/ocrmesh_client/v1")
CLIENT_PROTOS = ("ocrmesh/v1/ocr.proto",)


def proto_files() -> list[Path]:
    return sorted(PROTO_ROOT.rglob("*.proto"))


def generate(out_dir: Path) -> list[Path]:
    """Run protoc with the proto package path as module path (no rewriting)."""
    import grpc_tools

    well_known = Path(grpc_tools.__file__).parent / "_proto"
    files = [str(p.relative_to(PROTO_ROOT)) for p in proto_files()]
    args = [
        "protoc",
        f"-I{PROTO_ROOT}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        *files,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    generated = sorted(
        out_dir / rel.with_suffix("").as_posix().__add__(suffix)
        for rel in (Path(f) for f in files)
        for suffix in GENERATED_SUFFIXES
    )
    for package_dir in {p.parent for p in generated}:
        d = package_dir
        while d != out_dir:
            (d / "__init__.py").touch()
            d = d.parent
    return [p.relative_to(out_dir) for p in generated]


def generate_client(out_dir: Path) -> list[Path]:
    """The client's copy under out_dir/CLIENT_DIR, from a fresh `generate(out_dir)`."""
    target = out_dir / CLIENT_DIR
    target.mkdir(parents=True, exist_ok=True)
    (target / "__init__.py").write_text(
        '"""Generated OcrService stubs (scripts/gen_protos.py)."""\n', encoding="utf-8"
    )
    written = [CLIENT_DIR / "__init__.py"]
    for proto in CLIENT_PROTOS:
        stem = Path(proto).with_suffix("")
        for suffix in GENERATED_SUFFIXES:
            text = (out_dir / f"{stem}{suffix}").read_text(encoding="utf-8")
            name = f"{stem.name}{suffix}"
            (target / name).write_text(
                text.replace("from ocrmesh.v1 import", "from ocrmesh_client.v1 import"), encoding="utf-8"
            )
            written.append(CLIENT_DIR / name)
    return written


def generate_all(out_dir: Path) -> list[Path]:
    return [*generate(out_dir), *generate_client(out_dir)]


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate_all(Path(tmp))
        stale = [
            str(rel)
            for rel in fresh
            if not (ROOT / rel).exists() or not filecmp.cmp(Path(tmp) / rel, ROOT / rel, shallow=False)
        ]
    if stale:
        print("generated code is out of date, run `make protos`:", *stale, sep="\n  ")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed code is stale")
    args = parser.parse_args()
    if args.check:
        return check()
    for rel in generate_all(ROOT):
        print("generated", rel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
