#!/usr/bin/env bash
# Installs WordNet 3.0 for Tightrope's spin repair into the virtual environment, where
# tightrope.integrity finds it (.venv/share/nltk_data/corpora/wordnet/); needs no NLTK_DATA.
#
# No package registry for Python ships WordNet's data (nltk and wn download it at run time,
# which Tightrope never does), so it comes from Debian: `wordnet-base` (the database) and
# `wordnet-sense-index` (index.sense). NLTK reads the files only when they are copied (not
# symlinked) and a `lexnames` file is beside them; Debian ships that table only inside the
# man page lexnames.5WN, so it is written from there. WordNet licence: permissive (see
# /usr/share/doc/wordnet-base/copyright).
#
# Idempotent: does nothing when the files are already in place. Without root or apt-get it
# prints a warning and exits 0: Tightrope then still detects spun text, with reduced repair.
#
#   scripts/install-wordnet.sh [VENV]        # default: .venv beside this script's folder
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-$here/.venv}"
target="$venv/share/nltk_data/corpora/wordnet"
src="${TIGHTROPE_WORDNET_SRC:-/usr/share/wordnet}"  # where Debian puts it
files="adj.exc adv.exc cntlist.rev data.adj data.adv data.noun data.verb index.adj index.adv index.noun index.verb index.sense noun.exc verb.exc"

warn() { echo "install-wordnet: WARNING: $*; spin repair will work from its own lists only (reduced repair)." >&2; exit 0; }

complete() {
    for f in $files lexnames; do [ -s "$target/$f" ] || return 1; done
}

if complete; then
    exit 0
fi

if [ ! -s "$src/data.noun" ] || [ ! -s "$src/index.sense" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        warn "WordNet is not installed and this is not root (run as root: apt-get install wordnet-base wordnet-sense-index, then rerun this script)"
    fi
    command -v apt-get >/dev/null 2>&1 || warn "apt-get is not available to install Debian's wordnet-base and wordnet-sense-index"
    echo "install-wordnet: installing Debian packages wordnet-base and wordnet-sense-index" >&2
    apt-get update -qq || warn "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wordnet-base wordnet-sense-index >/dev/null \
        || warn "apt-get install wordnet-base wordnet-sense-index failed"
fi

mkdir -p "$target"
for f in $files; do
    [ -s "$src/$f" ] || warn "$src/$f is missing after installing WordNet"
    cp -f "$src/$f" "$target/$f"
done

# lexnames: the table of lexicographer files ("00<TAB>adj.all<TAB>3"), taken from the man page.
man_page=/usr/share/man/man5/lexnames.5WN.gz
if [ -s "$man_page" ]; then
    zcat "$man_page" | awk -F'\t' '$1 ~ /^[0-9][0-9]$/ && NF >= 2 {
        name = $2; gsub(/ +$/, "", name); split(name, p, ".");
        cat = (p[1] == "noun") ? 1 : (p[1] == "verb") ? 2 : (p[1] == "adj") ? 3 : 4;
        printf "%s\t%s\t%d\n", $1, name, cat }' > "$target/lexnames.tmp"
fi
if [ ! -s "$target/lexnames.tmp" ] || [ "$(wc -l < "$target/lexnames.tmp")" -ne 45 ]; then
    rm -f "$target/lexnames.tmp"
    warn "could not read the 45 lexicographer file names from $man_page"
fi
mv "$target/lexnames.tmp" "$target/lexnames"
echo "install-wordnet: WordNet 3.0 installed in $target" >&2
