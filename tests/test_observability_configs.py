"""deploy/observability: the Prometheus config, the alert rules and the Grafana dashboard.

They parse, promtool accepts them (where installed), the scrape targets follow
the port convention of the deployment files, the alerts fire on the series
they are meant for (`promtool test rules`), and every metric they name is
exported: a real backend, router (with jobs) and gateway run on loopback, a
document and a batch job go through them, and their /metrics must declare
each name.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from bench_service.datasets import ZUGFERD_AWV
from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from jobs_service.client import AsyncJobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from tests.conftest import running_backend
from tests.metrics_text import exported_names, sample, scrape

REPO = Path(__file__).resolve().parents[1]
OBSERVABILITY = REPO / "deploy" / "observability"
PROMETHEUS_YML = OBSERVABILITY / "prometheus.yml"
ALERTS_YML = OBSERVABILITY / "alerts.yml"
ALERT_TESTS_YML = OBSERVABILITY / "alerts.test.yml"
DASHBOARD = OBSERVABILITY / "grafana-ocrmesh.json"
ROUTER_CPU_VM = REPO / "deploy" / "config" / "router.cpu-vm.yaml"
INVOICE = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"

# Series Prometheus makes itself for every target.
PROMETHEUS_OWN = {"up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_series_added"}
# PromQL words that look like names: aggregation modifiers, set operators, literals.
PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset",
                "bool", "inf", "nan"}  # fmt: skip
LABEL_LISTS = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
NAME = re.compile(r"(?<![\w.:])[A-Za-z_:][A-Za-z0-9_:]*")
LABEL_VALUES = re.compile(r"label_values\(\s*([A-Za-z_:][A-Za-z0-9_:]*)\s*,")


# ---------------------------------------------------------------- names in PromQL and in /metrics


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression reads (a tokenizer, not a parser: enough for our files)."""
    expr = re.sub(r'"(?:\\.|[^"\\])*"', '""', expr)  # strings (label values, regexes)
    expr = re.sub(r"\{[^}]*\}", "", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)  # ranges, subqueries ($__rate_interval too)
    expr = LABEL_LISTS.sub("", expr)  # by (backend, le), on (device_group) ...
    expr = re.sub(r"\$\{?\w+\}?", "", expr)  # Grafana variables elsewhere
    names = set()
    for match in NAME.finditer(expr):
        token = match.group()
        if expr[match.end() :].lstrip().startswith("("):
            continue  # a function: rate(, sum(, histogram_quantile(
        if token.lower() not in PROMQL_WORDS:
            names.add(token)
    return names


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(ALERTS_YML.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard_queries() -> list[str]:
    board = json.loads(DASHBOARD.read_text())
    queries = [t["expr"] for p in board["panels"] for t in p.get("targets", [])]
    for variable in board["templating"]["list"]:
        query = variable.get("query")
        if variable["type"] == "query":
            text = query["query"] if isinstance(query, dict) else query
            queries += [f"{m}" for m in LABEL_VALUES.findall(text)]
    return queries


def named_metrics() -> dict[str, set[str]]:
    """Metric name -> where it is used (prometheus.yml, an alert, a dashboard panel)."""
    used: dict[str, set[str]] = {}

    def add(names: Iterable[str], where: str) -> None:
        for name in names:
            used.setdefault(name, set()).add(where)

    add(re.findall(r"\bocrmesh_[a-z0-9_]+", PROMETHEUS_YML.read_text()), "prometheus.yml")
    for rule in alert_rules():
        add(metric_names(rule["expr"]), f"alert {rule['alert']}")
    for expr in dashboard_queries():
        add(metric_names(expr), "dashboard")
    return used


def test_metric_names_tokenizer() -> None:
    expr = (
        'histogram_quantile(0.95, sum by (backend, le) (rate(ocrmesh_page_seconds_bucket{backend=~"$backend"}'
        "[$__rate_interval]))) / on (device_group) max by (device_group) (ocrmesh_router_vram_budget_bytes) "
        '> 1e3 and up{job=~"ocrmesh-.*"} == 0 unless deriv(ocrmesh_jobs_queue_depth[30m:1m]) offset 5m'
    )
    assert metric_names(expr) == {
        "ocrmesh_page_seconds_bucket",
        "ocrmesh_router_vram_budget_bytes",
        "up",
        "ocrmesh_jobs_queue_depth",
    }
    declared = "# HELP a_total x\n# TYPE a_total counter\n# TYPE h_seconds histogram\nh_seconds_count 2.0\n"
    assert {"a_total", "h_seconds_bucket", "h_seconds_sum", "h_seconds_count"} <= exported_names(declared)
    assert "b_total" not in exported_names(declared)


# ---------------------------------------------------------------- the files parse and fit the deployment


def scrape_targets() -> dict[str, tuple[str, str, dict[str, str]]]:
    """component -> (job, host:port, target labels)."""
    config = yaml.safe_load(PROMETHEUS_YML.read_text())
    found = {}
    for job in config["scrape_configs"]:
        for group in job["static_configs"]:
            for target in group["targets"]:
                found[group["labels"]["component"]] = (job["job_name"], target, group["labels"])
    return found


def test_prometheus_config_scrapes_every_server_by_the_port_convention() -> None:
    config = yaml.safe_load(PROMETHEUS_YML.read_text())
    assert config["rule_files"] == ["alerts.yml"]
    targets = scrape_targets()
    router = yaml.safe_load(ROUTER_CPU_VM.read_text())["router"]
    # Backend metrics port 91xx for gRPC port 500xx; the router's is its configured metrics_port.
    for backend in router["backends"]:
        host, grpc_port = backend["address"].rsplit(":", 1)
        _job, target, labels = targets[backend["name"]]
        assert int(target.rsplit(":", 1)[1]) == 9100 + int(grpc_port) - 50000, backend
        assert labels.get("device_group", "") == backend.get("device_group", ""), backend
        assert ("gpu-pc" in target) == ("gpu-pc" in host), backend
    assert targets["router"][1].endswith(f":{router['metrics_port']}")
    assert targets["gateway"][1].endswith(":8080")
    for _job, _target, labels in targets.values():
        assert "backend" not in labels  # would rename the metrics' own label to exported_backend


def test_alert_rules_are_complete() -> None:
    rules = alert_rules()
    names = [r["alert"] for r in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert rule["expr"].strip() and rule["annotations"]["summary"] and rule["labels"]["severity"], rule
        assert "for" in rule, rule["alert"]
    used = named_metrics()
    # The alerts the issue asks for: backend down, queue growing, error rate, VRAM near budget, gateway 5xx.
    alerting = {name for name, where in used.items() if any(w.startswith("alert") for w in where)}
    assert {"up", "ocrmesh_router_backend_serving", "ocrmesh_jobs_queue_depth", "ocrmesh_errors_total",
            "ocrmesh_vram_bytes", "ocrmesh_router_vram_budget_bytes", "ocrmesh_gateway_requests_total"} <= alerting  # fmt: skip


def test_grafana_dashboard_is_importable() -> None:
    board = json.loads(DASHBOARD.read_text())
    assert board["uid"] and board["title"]
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    for panel in board["panels"]:
        if panel["type"] == "row":
            continue
        assert panel["targets"], panel["title"]
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        assert {"x", "y", "w", "h"} <= set(panel["gridPos"])
    text = json.dumps(board)
    for needed in ("ocrmesh_pages_total", "ocrmesh_page_seconds_bucket", "ocrmesh_errors_total",
                   "ocrmesh_jobs_queue_depth", "ocrmesh_vram_bytes", "ocrmesh_router_backend_serving"):  # fmt: skip
        assert needed in text, needed


def test_grafana_provisioning_points_at_the_dashboard() -> None:
    provisioning = OBSERVABILITY / "grafana" / "provisioning"
    datasources = yaml.safe_load((provisioning / "datasources" / "ocrmesh.yml").read_text())
    assert datasources["datasources"][0]["type"] == "prometheus"
    dashboards = yaml.safe_load((provisioning / "dashboards" / "ocrmesh.yml").read_text())
    assert dashboards["providers"][0]["type"] == "file"


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip(
            "promtool not installed (Debian package prometheus, installed by scripts/setup.sh): parsed only"
        )
    return found


def run_promtool(*args: str) -> None:
    result = subprocess.run(
        [promtool(), *args], check=False, cwd=OBSERVABILITY, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_checks_config_and_rules() -> None:
    run_promtool("check", "config", PROMETHEUS_YML.name)
    run_promtool("check", "rules", ALERTS_YML.name)


def test_alerts_fire_on_their_series() -> None:
    """`promtool test rules`: each alert fires on the series it watches (and not before its `for`)."""
    tested = {
        case["alertname"]
        for test in yaml.safe_load(ALERT_TESTS_YML.read_text())["tests"]
        for case in test["alert_rule_test"]
    }
    assert tested == {rule["alert"] for rule in alert_rules()}
    run_promtool("test", "rules", ALERT_TESTS_YML.name)


# ---------------------------------------------------------------- every named metric is exported


def owner(name: str) -> str:
    """Which server exports a metric: gateway_*, router_* and jobs_* are theirs, the rest every backend's."""
    if name.startswith("ocrmesh_gateway_"):
        return "gateway"
    if name.startswith(("ocrmesh_router_", "ocrmesh_jobs_")):
        return "router"
    return "backend"


async def wait_for(predicate: Any, timeout: float = 60.0) -> None:
    async with asyncio.timeout(timeout):
        while not await predicate():
            await asyncio.sleep(0.1)


async def test_every_metric_named_in_the_configs_is_exported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCRMESH_JOBS_METRICS_SECONDS", "0.2")
    content = INVOICE.read_bytes()
    async with running_backend("pdftext", metrics_port=-1) as pdftext:
        router = RouterServer(
            RouterSettings(
                port=0,
                auth=False,
                metrics_port=-1,
                backends=[EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext.port}")],
                device_groups={"gpu0": 16},
                benchmarks=False,
            )
        )
        port = await router.start()
        try:
            await router.wait_for_backends(30)
            settings = GatewaySettings(upstream=f"127.0.0.1:{port}", health_refresh_seconds=0.1, auth=False)
            app = create_app(settings)
            async with (
                app.router.lifespan_context(app),
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app), base_url="http://gw", timeout=120
                ) as gw,
                AsyncJobsClient(f"127.0.0.1:{port}") as jobs,
            ):
                # A document through gateway -> router -> pdftext, a refused one, and a batch job.
                ok = await gw.post(
                    "/api/v1/ocr/process", files={"file": (INVOICE.name, content, "application/pdf")}
                )
                assert ok.status_code == 200, ok.text
                bad = await gw.post(
                    "/api/v1/ocr/process", files={"file": ("x.pdf", b"%PDF-1.7 broken", "application/pdf")}
                )
                assert bad.status_code == 422, bad.text
                submitted = await jobs.submit(
                    submit_request([("batch.pdf", content + b"\n%batch\n")], options=pb.ProcessOptions())
                )
                job = await jobs.wait(submitted.job.job_id, timeout=120)
                assert job.status == jpb.JOB_STATUS_COMPLETED

                async def jobs_sampled() -> bool:
                    text = await scrape(router.metrics.http_port)
                    return sample(text, "ocrmesh_jobs_jobs_in_state", state="completed") >= 1

                await wait_for(jobs_sampled)
                texts = {
                    "backend": await scrape(pdftext.metrics.http_port),
                    "router": await scrape(router.metrics.http_port),
                    "gateway": (await gw.get("/metrics")).text,
                }
        finally:
            await router.stop(0)

    exported = {server: exported_names(text) for server, text in texts.items()}
    missing = {
        name: sorted(where)
        for name, where in named_metrics().items()
        if name not in PROMETHEUS_OWN and name not in exported[owner(name)]
    }
    assert not missing, f"named in deploy/observability but exported by no server: {missing}"
    assert all(name.startswith("ocrmesh_") or name in PROMETHEUS_OWN for name in named_metrics())

    # The figures behind the dashboard moved with the traffic.
    backend, router_text, gateway = texts["backend"], texts["router"], texts["gateway"]
    assert sample(backend, "ocrmesh_pages_total", backend="pdftext") >= 2
    assert sample(backend, "ocrmesh_page_seconds_count", backend="pdftext") >= 2
    assert sample(backend, "ocrmesh_ram_bytes", backend="pdftext") > 0
    assert sample(router_text, "ocrmesh_requests_total", backend="router", code="OK") >= 2
    assert sample(router_text, "ocrmesh_errors_total", backend="router", code="INVALID_ARGUMENT") >= 1
    assert sample(router_text, "ocrmesh_router_backend_serving", backend="pdftext") == 1
    assert sample(router_text, "ocrmesh_router_vram_budget_bytes", device_group="gpu0") == 16 * 1024**3
    assert sample(router_text, "ocrmesh_jobs_documents_total", outcome="completed") == 1
    assert sample(router_text, "ocrmesh_jobs_pages_total", outcome="done") == 2
    assert sample(router_text, "ocrmesh_jobs_document_seconds_count", outcome="completed") == 1
    assert sample(router_text, "ocrmesh_jobs_job_seconds_count", state="completed") == 1
    assert sample(router_text, "ocrmesh_jobs_queue_depth") == 0
    assert sample(gateway, "ocrmesh_gateway_requests_total", route="/api/v1/ocr/process", status="200") == 1
