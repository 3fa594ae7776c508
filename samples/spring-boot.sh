#!/usr/bin/env bash
# A Spring Boot 3.5 REST service (it/src/it/spring-boot-app, built here as a user builds it): time from JVM start to
# its first HTTP response (it.spring.FirstResponse starts the service on a random port, sends one POST over a socket,
# prints the time, returns), in fresh JVMs, interleaved:
#   plain              the application's class path (its classes as a jar, its dependencies), the JDK's default archive
#   pkgimage tests     the images linked, the application's image trained by its tests alone
#   pkgimage +start-up the same, with its start-up recorded as Spring's recipe trains (-Dspring.context.exit=onRefresh)
#   pkgimage +request  the same, with FirstResponse recorded instead of the start-up (what a recorded main adds)
#   Spring's recipe    the JDK's own cache trained on the start-up with -Dspring.context.exit=onRefresh: dynamic AppCDS
#                      (-XX:ArchiveClassesAtExit) before JDK 24, the AOT cache (-XX:AOTCacheOutput) from 24
#   JDK cache request  the JDK's own cache trained on the measured request itself, the best the JDK offers
# Every run must answer 201. Prints medians and ratios as a table and writes it to samples/target/spring-boot.md.
#
# Usage: samples/spring-boot.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25 (each a feature or a JDK home)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "$@"
echo "== building pkgimage (core, Maven plugin, JUnit harness)"
run_mvn -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true \
  -pl pkgimage-core,pkgimage-maven-plugin,pkgimage-junit -am

work="$here/target/spring-boot"
rm -rf "$work"
mkdir -p "$work"
cp -r "$root/it/src/it/spring-boot-app/." "$work/"
sed -i "s/@project.version@/$version/g" "$work/pom.xml"
pom=(-f "$work/pom.xml")
echo "== building the service: its tests run once (Surefire), then it is packaged"
run_mvn "${pom[@]}" package -Dpkgimage.skip=true > "$work/package.log" || { tail -40 "$work/package.log" >&2; exit 1; }

out="$here/target/spring-boot.md"
{
  echo "| JDK | plain ms | pkgimage tests | pkgimage +start-up | pkgimage +request | Spring's recipe | JDK cache request | +start-up / Spring's recipe | +start-up / JDK cache request |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$out.rows"

main=it.spring.FirstResponse
for jdk in "${jdks[@]}"; do
  echo "== JDK $jdk: the image trained by the tests, linked"
  run_mvn "${pom[@]}" pkgimage:compile pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name=tests
  link="$work/target/pkgimage"
  report="$link/tests-link.txt"
  grep '^proof:' "$report"
  echo "== JDK $jdk: the start-up recorded as Spring's recipe trains (onRefresh), linked"
  run_mvn "${pom[@]}" pkgimage:record@record-startup pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name=startup
  grep '^proof:' "$link/startup-link.txt"
  echo "== JDK $jdk: the request recorded instead, linked"
  run_mvn "${pom[@]}" pkgimage:record pkgimage:link -Dpkgimage.jdk="$jdk" -Dpkgimage.name=request \
    -Dpkgimage.mainClass="$main"
  grep '^proof:' "$link/request-link.txt"
  java_home=$(sed -n 's/^JDK: .* at //p' "$report")
  java="$java_home/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  cp=$(sed -n '/^"-cp"$/{n;p}' "$link/tests.args" | tr -d '"')

  # the JDK's own cache, trained on a run of main $1 (with options $3...) into $2; sets cache_options
  jdk_cache() {
    local main_class=$1 file=$2
    shift 2
    rm -f "$file.aot" "$file.jsa"
    if [ "$feature" -ge 24 ]; then
      "$java" -XX:AOTCacheOutput="$file.aot" "$@" -cp "$cp" "$main_class" > "$file.training.log" 2>&1 || true
      [ -f "$file.aot" ] || { echo "The JDK wrote no AOT cache at $file.aot:" >&2; tail -5 "$file.training.log" >&2; exit 1; }
      cache_options=(-XX:AOTMode=on -XX:AOTCache="$file.aot")
    else
      "$java" -XX:ArchiveClassesAtExit="$file.jsa" "$@" -cp "$cp" "$main_class" > "$file.training.log" 2>&1 || true
      [ -f "$file.jsa" ] || { echo "The JDK wrote no AppCDS archive at $file.jsa:" >&2; tail -5 "$file.training.log" >&2; exit 1; }
      cache_options=(-Xshare:on -XX:SharedArchiveFile="$file.jsa")
    fi
  }
  echo "== JDK $feature: Spring's recipe (the JDK's cache trained on the start-up, onRefresh) and the cache trained on the request"
  jdk_cache it.spring.ServiceApplication "$link/spring" -Dspring.context.exit=onRefresh
  spring_options=("${cache_options[@]}")
  jdk_cache "$main" "$link/jdk-request"
  request_options=("${cache_options[@]}")

  configurations=(plain tests startup request spring jdk-request)
  command_for() {
    case "$1" in
      plain) cmd=("$java" -cp "$cp" "$main") ;;
      tests | startup | request) cmd=("$java" -Xshare:on @"$link/$1.args" "$main") ;;
      spring) cmd=("$java" "${spring_options[@]}" -cp "$cp" "$main") ;;
      jdk-request) cmd=("$java" "${request_options[@]}" -cp "$cp" "$main") ;;
    esac
  }
  echo "== JDK $feature: $runs fresh JVMs per configuration, interleaved"
  for c in "${configurations[@]}"; do : > "$link/$c.txt"; done
  for i in $(seq "$runs"); do
    for c in "${configurations[@]}"; do
      command_for "$c"
      "${cmd[@]}" 2> /dev/null | grep '^first-response-ms=' >> "$link/$c.txt"
    done
  done
  declare -A med
  for c in "${configurations[@]}"; do
    if [ "$(grep -c 'status=201$' "$link/$c.txt")" -ne "$runs" ]; then
      echo "Configuration $c did not answer 201 in every run:" >&2
      cat "$link/$c.txt" >&2
      exit 1
    fi
    med[$c]=$(sed 's/first-response-ms=\([0-9]*\).*/\1/' "$link/$c.txt" | median)
  done
  p=${med[plain]}
  echo "| $feature | ${med[plain]} | ${med[tests]} ($(ratio "${med[tests]}" "$p")) | ${med[startup]} ($(ratio "${med[startup]}" "$p")) | ${med[request]} ($(ratio "${med[request]}" "$p")) | ${med[spring]} ($(ratio "${med[spring]}" "$p")) | ${med[jdk-request]} ($(ratio "${med[jdk-request]}" "$p")) | $(ratio "${med[startup]}" "${med[spring]}") | $(ratio "${med[startup]}" "${med[jdk-request]}") |" >> "$out.rows"
done

write_table "Spring Boot 3.5 service, JVM start to first HTTP response, median of $runs runs each, ms (ratio to plain) ($(date -u +%Y-%m-%d), $(nproc) cores)."
