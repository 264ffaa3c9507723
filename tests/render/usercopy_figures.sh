#!/bin/sh
# Golden figures of the byte-granular tests (issue 16): for every test of
# litmus/library/usercopy and tests/render/usercopy, the figure `memx graph` draws of its witness
# (else of the rejected execution --explain draws, else of execution 1), as text and as SVG,
# must match tests/render/golden/usercopy/NAME.txt and NAME.svg. Each text figure must also
# stay within 40 lines and 80 columns, with no tab and no trailing space; the 64-byte
# copy_from_user against an external writer within 25 lines, and its SVG within 1200x900 px
# (at 96 dpi, as a browser shows it at 100%) with no text under 9 px.
# After a deliberate change: MEMX_PROMOTE=1 ctest -R usercopy_figures, then review the diff.
# Usage: usercopy_figures.sh MEMX SOURCE_DIR
memx=$1
src=$2
golden=$src/tests/render/golden/usercopy
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
status=0
fail() {
    echo "FAILED: $*"
    status=1
}

# Draws test $1 as format $2 into $3.
draw() {
    for which in --witness --explain "--execution 1"; do
        # shellcheck disable=SC2086
        if "$memx" graph $which --format "$2" -o "$3" "$1" 2>/dev/null; then
            return 0
        fi
    done
    return 1
}

# An SVG's size as "W H" in px at 96 dpi: QSvgGenerator writes the size in mm.
svg_px() {
    sed -n 's/.*<svg width="\([0-9.]*\)mm" height="\([0-9.]*\)mm".*/\1 \2/p' "$1" |
        awk '{ printf "%d %d\n", $1 / 25.4 * 96 + 0.5, $2 / 25.4 * 96 + 0.5 }'
}

# The smallest font of an SVG in px at 96 dpi (font-size is in user units, which the viewBox
# maps onto the mm size).
svg_min_font_px() {
    view=$(sed -n 's/.*viewBox="0 0 \([0-9.]*\) [0-9.]*".*/\1/p' "$1")
    width=$(svg_px "$1" | cut -d' ' -f1)
    grep -o 'font-size="[0-9.]*"' "$1" | tr -dc '0-9.\n' | sort -n | head -1 |
        awk -v v="$view" -v w="$width" '{ printf "%.1f\n", $1 * w / v }'
}

mkdir -p "$golden"
for test in "$src"/litmus/library/usercopy/*.litmus "$src"/tests/render/usercopy/*.litmus; do
    name=$(basename "$test" .litmus)
    for format in txt svg; do
        out=$work/$name.$format
        if ! draw "$test" "$format" "$out"; then
            fail "$name: memx graph drew no $format figure"
            continue
        fi
        if [ -n "$MEMX_PROMOTE" ]; then
            cp "$out" "$golden/$name.$format"
        elif ! cmp -s "$out" "$golden/$name.$format"; then
            fail "$name.$format differs from its golden:"
            diff -u "$golden/$name.$format" "$out" | head -40
        fi
    done
    txt=$work/$name.txt
    [ -f "$txt" ] || continue
    lines=$(wc -l <"$txt")
    # The txt format is 7-bit ASCII: a byte is a column.
    columns=$(LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$txt")
    limit=40
    [ "$name" = copy_from_user-64+external-writer ] && limit=25
    [ "$lines" -le "$limit" ] || fail "$name: $lines lines (at most $limit)"
    [ "$columns" -le 80 ] || fail "$name: $columns columns (at most 80)"
    if grep -q "$(printf '\t')" "$txt"; then fail "$name: a tab"; fi
    if grep -q ' $' "$txt"; then fail "$name: a trailing space"; fi
    echo "$name: $lines lines x $columns columns"
done

svg=$work/copy_from_user-64+external-writer.svg
if [ -f "$svg" ]; then
    set -- $(svg_px "$svg")
    font=$(svg_min_font_px "$svg")
    echo "copy_from_user-64+external-writer.svg: $1 x $2 px, smallest text $font px"
    [ "$1" -le 1200 ] && [ "$2" -le 900 ] || fail "the 64-byte copy's SVG is $1 x $2 px"
    awk -v f="$font" 'BEGIN { exit !(f >= 9) }' || fail "the 64-byte copy's SVG has text of $font px"
fi
[ "$status" -eq 0 ] && echo "every user-copy figure matches its golden and stays within bounds"
exit "$status"
