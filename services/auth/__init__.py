"""Authentication of the mesh: API keys, scopes, per-key limits, TLS material.

`keys.py` the key and its holder (`Principal`); `store.py` the keys table in
the jobs database; `grpc_auth.py` the server interceptor that authenticates,
authorises, limits and audits every call; `limiter.py` per-key rate and
concurrency; `tls.py` certificates (`ocrmesh certs init`) and credentials.
"""
