"""One module per `kg` subcommand; each exposes ``register(subparsers)``."""
