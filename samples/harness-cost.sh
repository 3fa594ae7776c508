#!/usr/bin/env bash
# What the soundness harness costs a module's `mvn test`: real published test suites (commons-cli's, and
# commons-lang3's when named), each built as the module it/src/it/soundness-<suite> builds it, run four ways,
# interleaved run by run, after one untimed `mvn package` that writes the module's image:
#   plain    mvn test
#   twice    two plain `mvn test` at once, of two copies of the module: the suite run twice side by side, with no
#            harness at all, which is what a judged run does at least (each test in a plain and an imaged JVM at once)
#   cold     mvn test -Dpkgimage.soundness.all=true, with an empty archive cache and no earlier link in target/: the
#            harness dumps the archive, as in a CI that keeps nothing between builds
#   warm     the same again, with the archive that the cold run left in its cache
# Prints the median wall times of the whole `mvn test` and the ratios (to plain, and of the judged run to twice), and
# per judged run what its steps took (the link's merge, dump and proof; how long the imaged JVM waited for its
# archive; each JVM's wall time), and writes them to samples/target/harness-cost.md.
#
# Usage: samples/harness-cost.sh [RUNS] [SUITE...]    default: 5 runs of commons-cli (JDK 17, Maven's); suites:
#        commons-cli, commons-lang3 (11,508 tests: minutes a run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${1:-5}
shift || true
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(commons-cli)
. "$here/lib.sh" "$runs"
echo "== building pkgimage (core, harness, Maven plugin)"
run_mvn -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true \
  -pl pkgimage-core,pkgimage-junit,pkgimage-maven-plugin -am
work="$here/target/harness-cost"
rm -rf "$work"
mkdir -p "$work"
seconds() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }

out="$here/target/harness-cost.md"
echo "| suite | tests | plain s | twice at once s | judged, cold cache s | judged, warm cache s | twice / plain | cold / plain | warm / plain | cold / twice |" > "$out.rows"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" >> "$out.rows"
: > "$out.steps"
for suite in "${suites[@]}"; do
  project="$work/$suite"
  cp -r "$root/it/src/it/soundness-$suite" "$project"
  rm -f "$project/verify.groovy" "$project/invoker.properties"
  sed -i "s/@project.version@/$version/g" "$project/pom.xml"
  echo "== $suite: mvn package, the plain tests and the module's image (not timed)"
  build -f "$project/pom.xml" package > "$work/$suite-package.log" \
    || { tail -40 "$work/$suite-package.log" >&2; exit 1; }
  ls "$project"/target/*-pkgimage.jar > /dev/null
  cp -r "$project" "$project-twin"
  p=(); t=(); c=(); w=()
  for i in $(seq "$runs"); do
    echo "== $suite: run $i of $runs"
    cache="$work/$suite-cache-$i"
    judged=(-o -f "$project/pom.xml" test -Dpkgimage.soundness.all=true "-Dpkgimage.soundness.cacheDirectory=$cache")
    s=$(millis); build -o -f "$project/pom.xml" test > "$work/$suite-plain.log"; p+=($(( $(millis) - s )))
    s=$(millis)
    build -o -f "$project/pom.xml" test > "$work/$suite-twice-1.log" &
    build -o -f "$project-twin/pom.xml" test > "$work/$suite-twice-2.log"
    wait
    t+=($(( $(millis) - s )))
    rm -rf "$project/target/pkgimage/soundness/link" # the last link, which a link of the same inputs would reuse
    s=$(millis); build "${judged[@]}" > "$work/$suite-cold.log"; c+=($(( $(millis) - s )))
    cp "$project/target/pkgimage/soundness/report.json" "$work/$suite-cold-report.json"
    cp "$project/target/pkgimage/soundness/link/soundness-imaged-link.txt" "$work/$suite-cold-link.txt"
    s=$(millis); build "${judged[@]}" > "$work/$suite-warm.log"; w+=($(( $(millis) - s )))
    for mode in twice-1 twice-2 cold warm; do
      grep -q "BUILD SUCCESS" "$work/$suite-$mode.log" || { tail -40 "$work/$suite-$mode.log" >&2; exit 1; }
    done
    batches=$(grep -o '"batch": [0-9]*, "classes": [0-9]*, "jvmPlainMs": [0-9]*, "jvmImagedMs": [0-9]*, "imagedWaitedForArchiveMs": [0-9]*' \
      "$work/$suite-cold-report.json" | sed 's/"//g' | tr '\n' ';')
    echo "$suite run $i, cold: $(grep '^time:' "$work/$suite-cold-link.txt"); $batches" >> "$out.steps"
    batches=$(grep -o '"batch": [0-9]*, "classes": [0-9]*, "jvmPlainMs": [0-9]*, "jvmImagedMs": [0-9]*, "imagedWaitedForArchiveMs": [0-9]*' \
      "$project/target/pkgimage/soundness/report.json" | sed 's/"//g' | tr '\n' ';')
    echo "$suite run $i, warm: archive from the cache; $batches" >> "$out.steps"
  done
  grep "\[pkgimage\] soundness:" "$work/$suite-warm.log" | sed "s/^/$suite: /" >> "$out.steps"
  tests=$(grep -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*, Skipped: [0-9]*$' "$work/$suite-plain.log" | tail -1 | sed 's/Tests run: \([0-9]*\).*/\1/')
  pm=$(printf '%s\n' "${p[@]}" | median); tm=$(printf '%s\n' "${t[@]}" | median); cm=$(printf '%s\n' "${c[@]}" | median); wm=$(printf '%s\n' "${w[@]}" | median)
  echo "| $suite | $tests | $(seconds "$pm") | $(seconds "$tm") | $(seconds "$cm") | $(seconds "$wm") | $(ratio "$tm" "$pm") | $(ratio "$cm" "$pm") | $(ratio "$wm" "$pm") | $(ratio "$cm" "$tm") |" >> "$out.rows"
  echo "$suite each run (ms): plain ${p[*]}; twice ${t[*]}; cold ${c[*]}; warm ${w[*]}" >> "$out.steps"
done
{
  echo "Whole \`mvn test\` wall time, median of $runs runs each, interleaved ($(date -u +%Y-%m-%d), $(nproc) cores, JDK $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'))."
  echo
  cat "$out.rows"
  echo
  echo "Steps of each judged run (the link's own times; per batch, each JVM's wall time and how long the imaged one waited for its archive):"
  echo
  sed 's/^/- /' "$out.steps"
} > "$out"
rm -f "$out.rows" "$out.steps"
echo
cat "$out"
