#!/usr/bin/env bash
# The same first call from images trained two ways: by compile's own training JVM (-DnoPrepare: the tests run again
# after Surefire) and by the build's own Surefire run (pkgimage:prepare, the samples' default). Two copies of the
# samples are built and linked for each JDK, Surefire's test JVMs on that JDK (-Djvm), and the first Jackson and Gson
# call of FirstCall is timed from each argfile (-Xshare:on), interleaved run by run. Prints what compile said and the
# medians, and writes them to samples/target/first-call-one-run.md.
#
# Usage: samples/first-call-one-run.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "$@"
build_pkgimage
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
work="$here/target/first-call-one-run"
rm -rf "$work"
mkdir -p "$work"
out="$here/target/first-call-one-run.md"
main=io.pkgimage.samples.app.FirstCall
{
  echo "| JDK | workload | image by compile's training ms | image by Surefire's run ms | Surefire / training |"
  echo "| --- | --- | --- | --- | --- |"
} > "$out.rows"
: > "$out.said"
{
  echo "| JDK | image | trained by | own classes | dependency classes | JDK classes | @cp lines | lambda lines |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$out.images"
for jdk in "${jdks[@]}"; do
  java_home=
  for mode in training surefire; do
    copy="$work/jdk$(basename "$jdk")-$mode"
    mkdir -p "$copy"
    for m in pom.xml json-orders gson-contacts app; do cp -r "$here/$m" "$copy/"; done
    rm -rf "$copy"/*/target
    extra=()
    [ "$mode" = training ] && extra+=(-DnoPrepare)
    [ -n "$java_home" ] && extra+=(-Djvm="$java_home/bin/java")
    echo "== JDK $jdk: the samples' images trained by $mode, linked"
    if [ -z "$java_home" ]; then
      # the JDK's home, from a link of the first copy, so that Surefire can run on it too
      build -o -f "$copy/pom.xml" package pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name=app "${extra[@]}" > "$copy.log" \
        || { tail -40 "$copy.log" >&2; exit 1; }
      java_home=$(sed -n 's/^JDK: .* at //p' "$copy/app/target/pkgimage/app-link.txt")
      extra+=(-Djvm="$java_home/bin/java")
    fi
    build -o -f "$copy/pom.xml" clean package pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name=app "${extra[@]}" > "$copy.log" \
      || { tail -40 "$copy.log" >&2; exit 1; }
    grep -h "Training io.pkgimage.samples:json-orders.*\(from the build's\|by running\|with [0-9]* test classes\)" "$copy.log" \
      | sed "s/^\[INFO\] /JDK $jdk, $mode: /" >> "$out.said"
    # what each library's image holds: class entries by owner, constant-pool and lambda lines
    for lib in json-orders gson-contacts; do
      unzip -p "$copy/$lib/target/$lib-1.0.0-SNAPSHOT-pkgimage.jar" pkgimage/tests/classlist.txt > "$copy.$lib.classlist"
      self=$(awk '/^\[self\]/{s=1;next} /^\[/{s=0} s && /^class /' "$copy.$lib.classlist" | wc -l)
      deps=$(awk '/^\[dependency /{s=1;next} /^\[/{s=0} s && /^class /' "$copy.$lib.classlist" | wc -l)
      jdkc=$(awk '/^\[jdk\]/{s=1;next} /^\[/{s=0} s && /^class /' "$copy.$lib.classlist" | wc -l)
      echo "| $jdk | $lib | $mode | $self | $deps | $jdkc | $(grep -c '^@cp ' "$copy.$lib.classlist" || true) | $(grep -c '^@lambda-' "$copy.$lib.classlist" || true) |" >> "$out.images"
    done
  done
  java="$java_home/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  a="$work/jdk$(basename "$jdk")-training/app/target/pkgimage/app.args"
  b="$work/jdk$(basename "$jdk")-surefire/app/target/pkgimage/app.args"
  : > "$work/a.txt"; : > "$work/b.txt"
  echo "== JDK $feature: $runs fresh JVMs from each image, interleaved"
  for i in $(seq "$runs"); do
    "$java" -Xshare:on @"$a" "$main" >> "$work/a.txt"
    "$java" -Xshare:on @"$b" "$main" >> "$work/b.txt"
  done
  if ! diff <(grep '^result' "$work/a.txt" | sort -u) <(grep '^result' "$work/b.txt" | sort -u) > /dev/null; then
    echo "The two images computed other results" >&2
    exit 1
  fi
  for w in jackson gson; do
    x=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$work/a.txt" | median)
    y=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$work/b.txt" | median)
    echo "| $feature | $w | $(ms "$x") | $(ms "$y") | $(ratio "$y" "$x") |" >> "$out.rows"
  done
done
{
  echo "First call from each image, median of $runs runs each, interleaved ($(date -u +%Y-%m-%d), $(nproc) cores)."
  echo
  cat "$out.rows"
  echo
  echo "What the libraries' images hold:"
  echo
  cat "$out.images"
  echo
  echo "What compile said of json-orders:"
  echo
  sed 's/^/- /' "$out.said"
} > "$out"
rm -f "$out.rows" "$out.said" "$out.images"
echo
cat "$out"
