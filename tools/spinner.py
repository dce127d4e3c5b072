"""A simple synonym spinner, the test tool that makes spun copies of clean articles.

It imitates content-farm spinners: a share of common words and fixed phrases is swapped for
"synonyms" from its own thesaurus (``spinner_thesaurus.tsv``, written for this project and not
derived from WordNet, so that a WordNet-based repairer is not tested against itself), while
names, numbers, quotations and capitalised words inside sentences are left alone.

    python -m tools.spinner ARTICLES.jsonl ID [--rate 0.9] [--seed 1]   # prints the spun JSONL line
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

THESAURUS = Path(__file__).with_name("spinner_thesaurus.tsv")
_TOKEN = re.compile(r"\w+(?:['’]\w+)?|\s+|[^\w\s]")


def load_thesaurus(path: Path = THESAURUS) -> dict[tuple[str, ...], list[str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, options = line.split("\t")
        table[tuple(word.split())] = [o for o in options.split("|") if o != word]
    return {k: v for k, v in table.items() if v}


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split())
    return replacement


def spin(text: str, rate: float = 0.9, seed: int = 1, table: dict | None = None) -> str:
    """Replace each thesaurus word or phrase found outside quotations with probability ``rate``."""
    table = table or load_thesaurus()
    rng = random.Random(seed)
    longest = max(len(k) for k in table)
    tokens = _TOKEN.findall(text)
    out, i, in_quote = [], 0, False
    sentence_start = True
    while i < len(tokens):
        tok = tokens[i]
        if tok in {'"', "“", "”"}:
            in_quote = not in_quote if tok == '"' else tok == "“"
        if in_quote or not tok[0].isalpha():
            out.append(tok)
            if tok in ".!?":
                sentence_start = True
            i += 1
            continue
        replaced = False
        # words of the phrase are tokens i, i+2, i+4 … (spaces between)
        for n in range(longest, 0, -1):
            words = tokens[i : i + 2 * n - 1 : 2]
            if len(words) < n or any(not w[0].isalpha() for w in words):
                continue
            spaces = tokens[i + 1 : i + 2 * n - 1 : 2]
            if any(not s.isspace() for s in spaces):
                continue
            key = tuple(w.lower().replace("’", "'") for w in words)
            capitalised_name = n == 1 and tok[:1].isupper() and not sentence_start and key not in {("party",), ("general",), ("secretary",), ("international",), ("people's",), ("cold",), ("war",), ("minister",), ("president",)}
            if key in table and not capitalised_name and rng.random() < rate:
                out.append(_match_case(tok, rng.choice(table[key])))
                i += 2 * n - 1
                replaced = True
                break
        if not replaced:
            out.append(tok)
            i += 1
        sentence_start = False
    return "".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("id")
    parser.add_argument("--rate", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for line in args.articles.open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] == args.id:
            row["text"] = spin(row["text"], args.rate, args.seed)
            row["title"] = spin(row.get("title") or "", args.rate, args.seed)
            print(json.dumps(row, ensure_ascii=False))
            return
    sys.exit(f"no article {args.id!r} in {args.articles}")


if __name__ == "__main__":
    main()
