#!/usr/bin/env bash
# The shell, timed: from the start of JShell to the result of a first snippet that calls Jackson, on the sample
# application's class path. Three shells, interleaved, each a fresh process:
#   plain      the JDK's jshell with --class-path (nothing warm);
#   pkgimage   the command line pkgimage:shell starts (its execution JVM maps the linked images of the class path,
#              JShell's own JVM an archive of JShell's classes), before any session was recorded;
#   recorded   the same after one session with -Dpkgimage.record=true added what it used to the application's image.
# Prints medians as a table and writes it to samples/target/shell.md. Maven's own start is not timed: each shell's
# command line is the one pkgimage:shell writes to target/pkgimage/shell/jshell.cmd.
#
# Usage: samples/shell.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25 (each a feature or a JDK home)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "$@"
build_pkgimage
# milliseconds from the start of the command to its line starting with RESULT (the command then runs to its end)
to_result() {
  local start line t=""
  start=$(date +%s%N)
  while IFS= read -r line; do
    case "$line" in RESULT*) [ -n "$t" ] || t=$(( ($(date +%s%N) - start) / 1000000 ));; esac
  done < <("$@" < /dev/null 2>&1)
  [ -n "$t" ] || { echo "No RESULT line from: $*" >&2; exit 1; }
  echo "$t"
}

mkdir -p "$here/target"
snippet="$here/target/first-snippet.jsh"
cat > "$snippet" <<'JSH'
var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
System.out.println("RESULT " + mapper.readValue("{\"id\":\"A-1001\",\"items\":[1,2,3]}", java.util.Map.class));
/exit
JSH
out="$here/target/shell.md"
{
  echo "| JDK | plain jshell ms | pkgimage:shell ms | after a recorded session ms | pkgimage / plain | recorded / plain |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$out.rows"

app="$here/app"
work="$app/target/pkgimage"
for jdk in "${jdks[@]}"; do
  echo "== JDK $jdk: the samples' images (their tests and the application's start-up), no session recorded yet"
  rm -f "$app"/target/app-*-pkgimage.jar
  run_mvn -f "$here/pom.xml" install -Dpkgimage.jdk="$jdk"
  shell() { run_mvn -f "$app/pom.xml" pkgimage:shell -Dpkgimage.jdk="$jdk" -Dpkgimage.shell.script="$snippet" "$@"; }
  echo "== JDK $jdk: pkgimage:shell"
  shell -Dpkgimage.name=shell-first | grep -E '^RESULT|proof' || true
  cp "$work/shell/jshell.cmd" "$work/shell-first.cmd"
  echo "== JDK $jdk: a recorded session, then pkgimage:shell again"
  shell -Dpkgimage.name=shell-recorded -Dpkgimage.record=true | grep -E '^RESULT|Added the session' || true
  shell -Dpkgimage.name=shell-recorded | grep -E '^RESULT|proof' || true
  cp "$work/shell/jshell.cmd" "$work/shell-recorded.cmd"
  mapfile -t first < "$work/shell-first.cmd"
  mapfile -t recorded < "$work/shell-recorded.cmd"
  java="${first[0]}"
  cp=""
  for i in "${!first[@]}"; do [ "${first[$i]}" = "--class-path" ] && cp="${first[$((i + 1))]}"; done
  jshell="$(dirname "$java")/jshell"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

  echo "== JDK $feature: $runs fresh shells each, interleaved"
  : > "$work/shell-plain.ms"; : > "$work/shell-first.ms"; : > "$work/shell-recorded.ms"
  for i in $(seq "$runs"); do
    to_result "$jshell" --class-path "$cp" "$snippet" >> "$work/shell-plain.ms"
    to_result "${first[@]}" >> "$work/shell-first.ms"
    to_result "${recorded[@]}" >> "$work/shell-recorded.ms"
  done
  p=$(median < "$work/shell-plain.ms")
  f=$(median < "$work/shell-first.ms")
  r=$(median < "$work/shell-recorded.ms")
  echo "| $feature | $p | $f | $r | $(ratio "$f" "$p") | $(ratio "$r" "$p") |" >> "$out.rows"
done

write_table "Time from the start of JShell to the result of a first snippet that calls Jackson, median of $runs shells each
($(date -u +%Y-%m-%d), $(nproc) cores)."
