"""Graph stores: the embedded default (FalkorDB child process) and Neo4j."""

from .base import DEFAULT_BATCH_SIZE, LoadReport, Store
from .embedded import DEFAULT_STORE_DIR, AttachedStore, EmbeddedStore, open_built_store

__all__ = ["Store", "LoadReport", "DEFAULT_BATCH_SIZE", "EmbeddedStore", "AttachedStore", "DEFAULT_STORE_DIR", "open_built_store"]
