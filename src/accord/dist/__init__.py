"""Dask execution: the same plain functions over a corpus too large for one machine.

Example::

    from accord.dist import dask_client, map_batches

    with dask_client() as client:                 # or dask_client("tcp://host:8786")
        for result in map_batches(extract_batch, articles, client=client):
            ...                                   # one result per article, in input order
"""

from __future__ import annotations

from accord.dist._client import CONNECT_TIMEOUT_SECONDS as CONNECT_TIMEOUT_SECONDS
from accord.dist._client import dask_client as dask_client
from accord.dist._map import DEFAULT_BATCH_SIZE as DEFAULT_BATCH_SIZE
from accord.dist._map import map_batches as map_batches
from accord.dist._map import map_runs as map_runs

__all__ = [
    "CONNECT_TIMEOUT_SECONDS",
    "DEFAULT_BATCH_SIZE",
    "dask_client",
    "map_batches",
    "map_runs",
]
