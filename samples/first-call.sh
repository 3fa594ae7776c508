#!/usr/bin/env bash
# The bundled sample, end to end: build the plugin, compile the sample libraries' package images (each trained by
# its own tests), link them for the application, and time the first Jackson and Gson call in fresh JVMs:
# plain, with the linked images (proven mapped with -Xshare:on) and, on JDK 24+, with the JDK's own whole-application
# AOT cache trained on the application itself. Prints medians as a table and writes it to samples/target/first-call.md.
# Each configuration's command line is kept in samples/app/target/pkgimage/first-call-jdkN-{plain,pkgimage,aot}.cmd
# (one argument a line), which the benchmarks' whole-process workload starts too.
#
# Usage: samples/first-call.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25 (each a feature or a JDK home)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${1:-11}
shift || true
jdks=("$@")
[ ${#jdks[@]} -gt 0 ] || jdks=(17 25)
mvn=(mvn -B -q -Dstyle.color=never)
[ -n "${CI:-}" ] && mvn+=(-ntp)
# Maven's console prints colour resets even in batch mode; keep the output plain
run_mvn() { "${mvn[@]}" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'; }

echo "== building pkgimage (core and Maven plugin)"
run_mvn -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true -pl pkgimage-core,pkgimage-maven-plugin -am

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

mkdir -p "$here/target"
out="$here/target/first-call.md"
{
  echo "| JDK | workload | plain ms | pkgimage ms | AOT cache ms | pkgimage / plain | pkgimage / AOT cache |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > "$out.rows"

main=io.pkgimage.samples.app.FirstCall
for jdk in "${jdks[@]}"; do
  name="first-call-jdk$(basename "$jdk")"
  echo "== JDK $jdk: compiling the samples' package images (their tests train them)"
  run_mvn -f "$here/pom.xml" install -Dpkgimage.jdk="$jdk"
  echo "== JDK $jdk: linking the application's class path"
  run_mvn -f "$here/app/pom.xml" pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name="$name"
  link="$here/app/target/pkgimage"
  report="$link/$name-link.txt"
  java_home=$(sed -n 's/^JDK: .* at //p' "$report")
  java="$java_home/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  cp=$(sed -n '/^"-cp"$/{n;p}' "$link/$name.args" | tr -d '"')
  grep '^proof:' "$report"

  # each configuration's whole command line, one argument a line: this script runs them, and so do the benchmarks
  printf '%s\n' "$java" -cp "$cp" "$main" > "$link/$name-plain.cmd"
  printf '%s\n' "$java" -Xshare:on @"$link/$name.args" "$main" > "$link/$name-pkgimage.cmd"
  rm -f "$link/$name-aot.cmd"
  if [ "$feature" -ge 24 ]; then
    cache="$link/$name.aot"
    rm -f "$cache"
    "$java" -XX:AOTCacheOutput="$cache" -cp "$cp" "$main" > /dev/null 2>&1
    printf '%s\n' "$java" -XX:AOTMode=on -XX:AOTCache="$cache" -cp "$cp" "$main" > "$link/$name-aot.cmd"
  fi
  command_of() { mapfile -t cmd < "$link/$name-$1.cmd"; }

  echo "== JDK $feature: $runs fresh JVMs per configuration, interleaved"
  : > "$link/plain.txt"; : > "$link/imaged.txt"; : > "$link/aot.txt"
  for i in $(seq "$runs"); do
    command_of plain; "${cmd[@]}" >> "$link/plain.txt"
    command_of pkgimage; "${cmd[@]}" >> "$link/imaged.txt"
    if [ -f "$link/$name-aot.cmd" ]; then command_of aot; "${cmd[@]}" >> "$link/aot.txt"; fi
  done
  for w in jackson gson; do
    p=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/plain.txt" | median)
    m=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/imaged.txt" | median)
    a=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/aot.txt" | median)
    if [ -n "$a" ]; then
      echo "| $feature | $w | $(ms "$p") | $(ms "$m") | $(ms "$a") | $(ratio "$m" "$p") | $(ratio "$m" "$a") |" >> "$out.rows"
    else
      echo "| $feature | $w | $(ms "$p") | $(ms "$m") | - | $(ratio "$m" "$p") | - |" >> "$out.rows"
    fi
  done
  # every configuration must compute the same results
  for f in imaged aot; do
    if [ -s "$link/$f.txt" ] && ! diff <(grep '^result' "$link/plain.txt" | sort -u) <(grep '^result' "$link/$f.txt" | sort -u) > /dev/null; then
      echo "The $f runs computed other results than the plain runs" >&2
      exit 1
    fi
  done
done

{
  echo "First call in a fresh JVM, median of $runs runs each ($(date -u +%Y-%m-%d), $(nproc) cores)."
  echo
  cat "$out.rows"
} > "$out"
rm -f "$out.rows"
echo
cat "$out"
