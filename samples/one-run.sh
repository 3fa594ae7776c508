#!/usr/bin/env bash
# One test run instead of two: `mvn clean package` of real test suites (commons-lang3's and commons-cli's published
# tests, built as the modules it/src/it/soundness-commons-* build them) three ways, interleaved run by run:
#   plain     the build without pkgimage (-Dpkgimage.skip=true)
#   compile   pkgimage:compile alone: Surefire runs the tests, then compile runs them again in its training JVM
#   prepare   pkgimage:prepare + compile: Surefire's own test JVMs record, compile writes the image from that
# Prints the median wall times and ratios, and the images both ways give (classes of the package, of its
# dependencies, of the JDK; tests run), and writes them to samples/target/one-run.md.
#
# Usage: samples/one-run.sh [RUNS]     default: 2 runs (JDK 17, Maven's); commons-lang3's 11,508 tests take minutes
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "${1:-2}"
build_pkgimage
work="$here/target/one-run"
rm -rf "$work"
mkdir -p "$work"

# the module $1 of it/src/it, as a build of its own suite: no soundness execution, the argLine property taken
make_project() {
  local from="$root/it/src/it/$1" to="$work/$2"
  cp -r "$from" "$to"
  rm -f "$to/verify.groovy" "$to/invoker.properties"
  sed -i -e "s/@project.version@/$version/g" \
    -e 's|<argLine>-Xmx512m|<argLine>@{argLine} -Xmx512m|' \
    -e 's|<properties>\(\s*\)$|<properties>\1|' "$to/pom.xml"
  # an empty argLine property, for the builds without prepare (as for jacoco:prepare-agent)
  sed -i '0,/<project.build.sourceEncoding>/s|\(\s*\)<project.build.sourceEncoding>|\1<argLine></argLine>\n&|' "$to/pom.xml"
  if [ "$3" = prepare ]; then
    sed -i 's|<goal>compile</goal>|<goal>prepare</goal><goal>compile</goal>|' "$to/pom.xml"
  fi
}

out="$here/target/one-run.md"
echo "| suite | tests | plain s | compile alone s | prepare + compile s | compile / plain | prepare / plain |" > "$out.rows"
echo "| --- | --- | --- | --- | --- | --- | --- |" >> "$out.rows"
: > "$out.images"
for suite in commons-lang3 commons-cli; do
  make_project "soundness-$suite" "$suite-compile" compile
  make_project "soundness-$suite" "$suite-prepare" prepare
  echo "== $suite: resolving (one build of each, not timed)"
  build -f "$work/$suite-compile/pom.xml" package -Dpkgimage.skip=true > "$work/$suite-warm.log"
  build -f "$work/$suite-prepare/pom.xml" dependency:go-offline -Dpkgimage.skip=true >> "$work/$suite-warm.log"
  p=(); c=(); r=()
  for i in $(seq "$runs"); do
    echo "== $suite: run $i of $runs"
    s=$(millis); build -o -f "$work/$suite-compile/pom.xml" clean package -Dpkgimage.skip=true > "$work/$suite-plain.log"; p+=($(( $(millis) - s )))
    s=$(millis); build -o -f "$work/$suite-compile/pom.xml" clean package > "$work/$suite-compile.log"; c+=($(( $(millis) - s )))
    s=$(millis); build -o -f "$work/$suite-prepare/pom.xml" clean package > "$work/$suite-prepare.log"; r+=($(( $(millis) - s )))
  done
  grep -q "from the build's Surefire run" "$work/$suite-prepare.log" || { tail -30 "$work/$suite-prepare.log" >&2; exit 1; }
  tests=$(grep -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*, Skipped: [0-9]*$' "$work/$suite-plain.log" | tail -1 | sed 's/Tests run: \([0-9]*\).*/\1/')
  grep -h "Training .* from the build's\|Training .* with [0-9]* test classes\|Wrote .*-pkgimage.jar" "$work/$suite-compile.log" "$work/$suite-prepare.log" | sed 's/^\[INFO\] //' > "$work/$suite-said.txt"
  pm=$(printf '%s\n' "${p[@]}" | median); cm=$(printf '%s\n' "${c[@]}" | median); rm_=$(printf '%s\n' "${r[@]}" | median)
  echo "| $suite | $tests | $(awk -v v="$pm" 'BEGIN{printf "%.1f", v/1000}') | $(awk -v v="$cm" 'BEGIN{printf "%.1f", v/1000}') | $(awk -v v="$rm_" 'BEGIN{printf "%.1f", v/1000}') | $(ratio "$cm" "$pm") | $(ratio "$rm_" "$pm") |" >> "$out.rows"
  sed "s/^/$suite: /" "$work/$suite-said.txt" >> "$out.images"
done
{
  echo "mvn clean package, median of $runs runs each, interleaved ($(date -u +%Y-%m-%d), $(nproc) cores, JDK $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'))."
  echo
  cat "$out.rows"
  echo
  echo "What compile said in the last run of each (without prepare: it trains itself; with: from the recording):"
  echo
  sed 's/^/- /' "$out.images"
} > "$out"
rm -f "$out.rows" "$out.images"
echo
cat "$out"
