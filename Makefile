# ocrmesh: `make run` starts the local mesh and processes a sample invoice;
# `make test` sets up and runs the test suite. Both set up first (idempotent).
.PHONY: setup run test protos lint bench clean

PY := .venv/bin/python
export HF_HUB_OFFLINE := 1
export OMP_THREAD_LIMIT := 1

setup:
	@bash scripts/setup.sh

run: setup
	$(PY) -m clients.cli up --demo samples/rechnung-beispiel.pdf --demo samples/rechnung-scan.pdf

# Every core runs tests (pytest-xdist); a test file stays on one worker, so its module fixtures (a mesh,
# a browser, drawn invoices) are made once. At most 4 workers: each loads the model stack.
test: setup
	$(PY) -m pytest -q -p no:cacheprovider -n auto --maxprocesses 4 --dist loadfile

protos: setup
	$(PY) scripts/gen_protos.py

lint: setup
	tools/node_modules/.bin/buf lint
	$(PY) scripts/gen_protos.py --check

bench: setup
	$(PY) -m benchmarks.bench_engines --out docs/BENCHMARKS.md

clean:
	rm -rf .venv tools/node_modules

lock: setup
	( sed -n 1,3p constraints.txt; .venv/bin/pip freeze --exclude-editable ) > constraints.tmp && mv constraints.tmp constraints.txt
