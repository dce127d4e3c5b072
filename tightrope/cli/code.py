"""``tightrope code``: the batch coder over JSON Lines (a stable interface, see ANNOTATION.md)."""

from __future__ import annotations

import json
import sys

import click

from tightrope.cli import main
from tightrope.cli.common import err_console, progress_bar
from tightrope.errors import InputError


def read_inputs(path: str):
    """ANNOTATION.md input lines: {"id", "text", "date"?}; a bad line is an error naming it."""
    from tightrope.events.coder import Input

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise InputError(where, "each line must be an object with a string 'text'")
            yield row, Input(str(row.get("id", number)), row["text"], row.get("date") or row.get("published"))


@main.command("code")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(allow_dash=True))
@click.option("-o", "--output", "output_path", metavar="OUTPUT.jsonl", default="-", show_default=True,
              type=click.Path(allow_dash=True, dir_okay=False), help="Where to write the events (- for stdout).")
@click.option("--evidence-text", is_flag=True, help="Also write each event's evidence sentence as text.")
def code_command(input_path, output_path, evidence_text):
    """Code events in a JSON Lines file: one {"id", "text", "date"} per line in, one
    {"id", "events": [...]} per line out, in input order (format: ANNOTATION.md).

    \b
    Example:
      tightrope code articles.jsonl -o events.jsonl
    """
    from tightrope.events.coder import EventCoder, event_to_json

    if input_path != "-" and not __import__("os").path.isfile(input_path):
        raise InputError(input_path, "no such file")
    rows = list(read_inputs(input_path))
    coder = EventCoder()
    out = sys.stdout if output_path == "-" else open(output_path, "w", encoding="utf-8")
    n_events = 0
    with progress_bar("coding") as bar:
        task = bar.add_task("coding", total=len(rows))
        for (row, item), events in zip(rows, coder.code_many([i for _, i in rows])):
            n_events += len(events)
            out.write(json.dumps({"id": item.id, "events": [event_to_json(e, item.text if evidence_text else None) for e in events]},
                                 ensure_ascii=False) + "\n")
            bar.advance(task)
    if out is not sys.stdout:
        out.close()
    err_console.print(f"code: {len(rows)} texts, {n_events} events" + (f" → {output_path}" if output_path != "-" else ""))
