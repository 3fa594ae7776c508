#!/usr/bin/env bash
# The bundled sample, end to end: build the plugin, compile the sample libraries' package images (each trained by
# its own tests), link them for the application, and time the first Jackson and Gson call in fresh JVMs:
# plain, with the linked images (proven mapped with -Xshare:on; the application's image holds its recorded start-up),
# with the JDK's own cache trained on the application itself, and with the JDK's own cache trained on the application's
# start-up only (Startup: start, then exit), as frameworks advise. The JDK's own cache is an AOT cache on JDK 24+, an
# AppCDS archive (-XX:ArchiveClassesAtExit) before. Prints medians as a table and writes it to
# samples/target/first-call.md.
# Each configuration's command line is kept in samples/app/target/pkgimage/first-call-jdkN-{plain,pkgimage,aot}.cmd
# (one argument a line), which the benchmarks' whole-process workload starts too.
#
# Usage: samples/first-call.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25 (each a feature or a JDK home)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "$@"
build_pkgimage
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

mkdir -p "$here/target"
out="$here/target/first-call.md"
{
  echo "| JDK | workload | plain ms | pkgimage ms | app-trained cache ms | start-up cache ms | pkgimage / plain | pkgimage / app-trained cache | pkgimage / start-up cache |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$out.rows"

main=io.pkgimage.samples.app.FirstCall
startup_main=io.pkgimage.samples.app.Startup
for jdk in "${jdks[@]}"; do
  name="first-call-jdk$(basename "$jdk")"
  echo "== JDK $jdk: compiling the samples' package images (their tests train them, and the application's start-up)"
  # the application's image as the build makes it: no shell session recorded by hand before
  rm -f "$here"/app/target/app-*-pkgimage.jar
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
  # the JDK's own cache, trained on a run of $1 into $2.aot (AOT cache, JDK 24+) or $2.jsa (AppCDS archive, before);
  # sets cache_options to the options that map it or fail
  jdk_cache() {
    if [ "$feature" -ge 24 ]; then
      rm -f "$2.aot"
      "$java" -XX:AOTCacheOutput="$2.aot" -cp "$cp" "$1" > /dev/null 2>&1
      cache_options=(-XX:AOTMode=on -XX:AOTCache="$2.aot")
      [ -f "$2.aot" ] || { echo "The JDK wrote no AOT cache at $2.aot" >&2; exit 1; }
    else
      rm -f "$2.jsa"
      "$java" -XX:ArchiveClassesAtExit="$2.jsa" -cp "$cp" "$1" > /dev/null 2>&1
      cache_options=(-Xshare:on -XX:SharedArchiveFile="$2.jsa")
      [ -f "$2.jsa" ] || { echo "The JDK wrote no AppCDS archive at $2.jsa" >&2; exit 1; }
    fi
  }
  # trained on the application itself, the best the JDK offers; and on its start-up alone (start, then exit), which
  # never reads or writes a document
  jdk_cache "$main" "$link/$name"
  printf '%s\n' "$java" "${cache_options[@]}" -cp "$cp" "$main" > "$link/$name-aot.cmd"
  jdk_cache "$startup_main" "$link/$name-startup"
  printf '%s\n' "$java" "${cache_options[@]}" -cp "$cp" "$main" > "$link/$name-startup.cmd"
  command_of() { mapfile -t cmd < "$link/$name-$1.cmd"; }

  echo "== JDK $feature: $runs fresh JVMs per configuration, interleaved"
  : > "$link/plain.txt"; : > "$link/imaged.txt"; : > "$link/aot.txt"; : > "$link/startup.txt"
  for i in $(seq "$runs"); do
    command_of plain; "${cmd[@]}" >> "$link/plain.txt"
    command_of pkgimage; "${cmd[@]}" >> "$link/imaged.txt"
    command_of aot; "${cmd[@]}" >> "$link/aot.txt"
    command_of startup; "${cmd[@]}" >> "$link/startup.txt"
  done
  for w in jackson gson; do
    p=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/plain.txt" | median)
    m=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/imaged.txt" | median)
    a=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/aot.txt" | median)
    s=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$link/startup.txt" | median)
    echo "| $feature | $w | $(ms "$p") | $(ms "$m") | $(ms "$a") | $(ms "$s") | $(ratio "$m" "$p") | $(ratio "$m" "$a") | $(ratio "$m" "$s") |" >> "$out.rows"
  done
  # every configuration must compute the same results
  for f in imaged aot startup; do
    if [ -s "$link/$f.txt" ] && ! diff <(grep '^result' "$link/plain.txt" | sort -u) <(grep '^result' "$link/$f.txt" | sort -u) > /dev/null; then
      echo "The $f runs computed other results than the plain runs" >&2
      exit 1
    fi
  done
done

write_table "First call in a fresh JVM, median of $runs runs each ($(date -u +%Y-%m-%d), $(nproc) cores)."
