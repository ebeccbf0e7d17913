"""`kg query`: run a named Cypher template from queries/ against the store `kg build` wrote."""

from __future__ import annotations

import argparse
import sys

from ..answer_notes import CLI, answer
from ..errors import QueryError
from ..queries import get_template, load_templates
from ._help import HelpFormatter
from ._stores import add_param_and_format_arguments, add_store_arguments, open_store, print_rows, split_params


class _TemplateHelp(argparse.Action):
    """``kg query NAME --help``: the command's help, then that template's parameters."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        name = getattr(namespace, "name", None)
        if name:
            try:
                print("\nTemplate:\n" + list_templates(name))
            except QueryError as err:
                print(f"\n{err}")
        parser.exit()


def register(sub) -> None:
    parser = sub.add_parser(
        "query",
        add_help=False,
        formatter_class=HelpFormatter,
        help="run a named query template (kg query --list shows them)",
        description="Run one of the Cypher templates in queries/ read-only against the embedded store "
        "(or Neo4j with --neo4j). Parameters are passed as Cypher parameters, never pasted into the query.",
        epilog="Examples:\n  kg query --list\n  kg query papers_using --list        one template's parameters\n  kg query shared_datasets\n  kg query papers_sharing_dataset --param paper=MALT --json"
               "\n  kg query papers_using --param name=GSM8K --csv > gsm8k.csv   every cell whole, for a spreadsheet"
               "\n  kg query paper_entities --param paper=MALT --full       the table, cells not cut at 80 characters",
    )
    parser.add_argument("-h", "--help", action=_TemplateHelp, help="show this help (after a NAME: and that template's parameters)")
    parser.add_argument("name", nargs="?", help="template name (kg query NAME --list shows that template's parameters)")
    parser.add_argument("--list", action="store_true", help="list templates with their parameters (with NAME: that one)")
    add_param_and_format_arguments(parser, "template parameter (repeatable)", first="name")
    add_store_arguments(parser)
    parser.set_defaults(run=run)


def list_templates(name: str | None = None) -> str:
    """Every template, or only ``name``, with its description and parameters."""
    lines = []
    for template in ([get_template(name)] if name else load_templates().values()):
        lines.append(f"{template.name}\n    {template.description}")
        for p in template.params:
            default = f" (default {p.default})" if p.default is not None else " (required)"
            lines.append(f"    --param {p.name}=<{p.shown_type}>{default}  {p.description}")
    return "\n".join(lines)


def run(args) -> int:
    if args.list or not args.name:
        print(list_templates(args.name))
        return 0
    template = get_template(args.name)
    with open_store(args, read_only=True) as store:
        result = answer(store, template, split_params(args.param, tuple(p.name for p in template.params if p.default is None)), CLI)
    print_rows(result.rows, args.fmt)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return 0
