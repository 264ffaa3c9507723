#!/bin/sh
# memx's herd7 command line: reached as `memx herd7` and through the herd7 link, herd7's
# single-dash options, model files looked up along herd's search path, and an option memx does
# not implement refused with an error that names it.
# Usage: herd7_options.sh MEMX HERD7_LINK SOURCE_DIR
memx=$1
herd7=$2
src=$3
test=$src/litmus/library/lkmm/SB+once.litmus
fail() {
    echo "FAILED: $*"
    exit 1
}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

"$herd7" -version | grep -q '^7\.58 ' || fail "-version"
"$memx" herd7 -model lkmm "$test" >"$work/a" || fail "memx herd7 -model lkmm"
grep -q '^Observation SB+once Sometimes 1 3$' "$work/a" || fail "memx herd7 block"
"$herd7" -model lkmm "$test" >"$work/b" || fail "herd7 link"
grep -v '^Time' "$work/a" >"$work/a2"
grep -v '^Time' "$work/b" >"$work/b2"
cmp -s "$work/a2" "$work/b2" || fail "memx herd7 and the herd7 link print different blocks"

# -model sc.cat is found in memx's own library; a -I folder comes before it.
"$herd7" -model sc.cat "$test" | grep -q 'Observation SB+once Never 0 3' || fail "library lookup"
mkdir "$work/inc"
printf '"mine"\nacyclic po | rf | co | fr as sc\n' >"$work/inc/sc.cat"
"$herd7" -I "$work/inc" -model sc.cat "$test" | grep -q 'Never 0 3' || fail "-I lookup"
(cd "$work" && printf 'model inc/sc.cat\n' >my.cfg && "$herd7" -conf my.cfg "$test") |
    grep -q 'Never 0 3' || fail "-conf in the current folder"

# -o DIR -show: DIR/TEST.dot, one digraph per allowed execution shown (SB+once: 4, 1 of them
# satisfying the condition).
"$herd7" -model lkmm -o "$work/dots" -show all -graph columns -showevents noregs "$test" \
    >/dev/null || fail "-o -show all"
[ "$(grep -c '^digraph' "$work/dots/SB+once.dot")" -eq 4 ] || fail "-show all: not 4 graphs"
"$herd7" -model lkmm -o "$work/dots" -show prop "$test" >/dev/null || fail "-o -show prop"
[ "$(grep -c '^digraph' "$work/dots/SB+once.dot")" -eq 1 ] || fail "-show prop: not 1 graph"

# What memx does not implement is refused, naming the option (and the value).
refused() {
    "$herd7" "$@" "$test" >"$work/out" 2>"$work/err"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$*: exit $rc, not 2"
    grep -q -- "option $1 " "$work/err" || fail "$*: the error does not name $1"
}
refused -dumpes true
refused -bogus x
refused -graph cluster -o "$work/d"
refused -showevents all -o "$work/d"
refused -show wit -o "$work/d"
refused -show prop
"$herd7" -model nosuch.cat "$test" 2>"$work/err"
grep -q "cannot find 'nosuch.cat'" "$work/err" || fail "a missing model file is not named"
echo "herd7 options: ok"
