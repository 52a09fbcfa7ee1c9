"""Durable batch jobs in front of any OcrService (normally the router).

`store/` persists jobs, uploads, page and document results (SQLite or
PostgreSQL), `runner.JobRunner` claims documents and streams them through an
OcrService, `servicer.JobsServicer` serves the `ocrmesh.v1.JobsService`
contract, `host.attach_jobs` puts both on an existing grpc.aio server.
"""
