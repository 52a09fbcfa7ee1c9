"""Live benchmarking of the mesh's backends: documents x backends, side by side.

`runner` sends documents to backends and measures; `scoring` turns the raw
outcomes into accuracy, agreement and winners; `aggregate` into per-backend
and per-class summaries; `store` persists runs and the router's priors;
`report` renders JSON, Markdown and self-contained HTML; `servicer` and
`host` serve it over gRPC (BenchmarkService); `rest` is the gateway's router.
"""
