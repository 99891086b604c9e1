#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds (the corpus folders are not committed).
# pdf_reader: every PDF of the shared pyHanko corpus; pdf_lexer: a few object snippets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${SERTEL_PYHANKO_CORPUS:-$here/../../shared/corpora/pyhanko/pdf}"
if [ ! -d "$src" ] && [ -d "$here/../../../shared/corpora/pyhanko/pdf" ]; then
    src="$here/../../../shared/corpora/pyhanko/pdf"   # a worktree nested one level deeper
fi
if [ ! -d "$src" ]; then
    echo "pyHanko corpus not found at $src (set SERTEL_PYHANKO_CORPUS)" >&2
    exit 1
fi
mkdir -p "$here/corpus/pdf_reader" "$here/corpus/pdf_lexer" "$here/corpus/pdf_body"
find "$src" -type f -name '*.pdf' | while read -r f; do
    cp "$f" "$here/corpus/pdf_reader/$(echo "${f#"$src"/}" | tr '/' '_')"
done
i=0
for s in '<< /Type /Page /Kids [1 0 R 2 0 R] /Count 2 >>' '(a\(b\)\\c\n\053)' '<4E6F76>' \
    '/Name#20With#23Escapes' '[1 -2 +3.5 .5 -.25 4. true false null]' '<< /A << /B [[[]]] >> >>' \
    '12 0 R' '(nested (paren (s)) and \
continued)' '% comment
42'; do
    printf '%s' "$s" > "$here/corpus/pdf_lexer/seed$i"
    i=$((i + 1))
done
# pdf_body: the body of each corpus file (between the header and the first xref section),
# prefixed by the mode byte (0: classic table, 1: xref stream).
for f in "$here"/corpus/pdf_reader/*.pdf; do
    name="$(basename "$f" .pdf)"
    body="$(grep -a -b -m1 '^xref' "$f" | cut -d: -f1 || true)"
    [ -n "$body" ] || body="$(wc -c < "$f")"
    { printf '\000'; head -c "$body" "$f" | tail -c +10; } > "$here/corpus/pdf_body/$name"
done
echo "pdf_reader: $(ls "$here/corpus/pdf_reader" | wc -l) seeds; pdf_lexer: $i seeds; pdf_body: $(ls "$here/corpus/pdf_body" | wc -l) seeds"
