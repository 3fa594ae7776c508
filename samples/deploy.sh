#!/usr/bin/env bash
# The images where the application runs: a dist (pkgimage:dist) moved to another folder with new file times, as a
# deploy copies it, and started from elsewhere by its start script, against the build's own argfile and plain.
#   1. the sample application (FirstCall): the first Jackson and Gson call, median of RUNS fresh JVMs per
#      configuration, interleaved: plain (java -cp), the build's argfile (java -Xshare:on @args), the moved dist
#      (bin/app, which finds the archive it linked with bin/app --link)
#   2. the deploy-time link, bin/<name> --link on a fresh copy of a dist made without a link (what a Dockerfile's RUN
#      does with the runtime's JDK), for the sample and for a Spring Boot 3.5 service (it/src/it/spring-boot-app),
#      against the time of Spring's own training run on that service (the JDK's cache trained with
#      -Dspring.context.exit=onRefresh: -XX:ArchiveClassesAtExit before JDK 24, -XX:AOTCacheOutput from 24), median
#      of 3 each
# Every run must compute the same results. Prints the tables and writes them to samples/target/deploy.md.
#
# Usage: samples/deploy.sh [RUNS] [JDK...]     defaults: 11 runs, JDKs 17 and 25 (each a feature or a JDK home)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh" "$@"
echo "== building pkgimage (core, Maven plugin, JUnit harness)"
run_mvn -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true \
  -pl pkgimage-core,pkgimage-maven-plugin,pkgimage-junit -am
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
work="$here/target/deploy"
rm -rf "$work"
mkdir -p "$work/elsewhere"
out="$here/target/deploy.md"

# the wall time of bin/<name> --link, in ms, on a fresh copy of the dist $1 (made without a link) with JDK home $2
timed_link() {
  local copy
  copy="$work/copy-$(date +%s%N)"
  cp -r "$1" "$copy"
  local start end
  start=$(millis)
  (cd "$work/elsewhere" && JAVA_HOME=$2 JAVA_OPTS='' sh "$copy/bin/$(basename "$(ls "$copy/bin")")" --link 2> "$copy.link.log")
  end=$(millis)
  grep -q 'pkgimage: linked the archive' "$copy.link.log" || { cat "$copy.link.log" >&2; exit 1; }
  rm -rf "$copy"
  echo $((end - start))
}

{
  echo "| JDK | workload | plain ms | build's argfile ms | moved dist ms | dist / argfile | dist / plain |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > "$out.sample"
{
  echo "| JDK | application | bin/<name> --link ms | Spring's training run ms | link / training |"
  echo "| --- | --- | --- | --- | --- |"
} > "$out.link"

main=io.pkgimage.samples.app.FirstCall
app="$here/app"
for jdk in "${jdks[@]}"; do
  echo "== JDK $jdk: the samples' images, the build's link, the dist"
  run_mvn -f "$here/pom.xml" install -Dpkgimage.jdk="$jdk"
  run_mvn -f "$app/pom.xml" pkgimage:link pkgimage:dist -Dpkgimage.jdk="$jdk" -Dpkgimage.name=app \
    -Dpkgimage.mainClass="$main"
  link="$app/target/pkgimage"
  java_home=$(sed -n 's/^JDK: .* at //p' "$link/app-link.txt")
  java="$java_home/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  cp=$(sed -n '/^"-cp"$/{n;p}' "$link/app.args" | tr -d '"')
  moved="$work/app-jdk$feature"
  cp -r "$link/dist" "$moved"
  (cd "$work/elsewhere" && JAVA_HOME=$java_home JAVA_OPTS='' sh "$moved/bin/app" --link)

  echo "== JDK $feature: $runs fresh JVMs per configuration, interleaved"
  : > "$work/plain.txt"; : > "$work/argfile.txt"; : > "$work/dist.txt"
  for i in $(seq "$runs"); do
    "$java" -cp "$cp" "$main" >> "$work/plain.txt"
    "$java" -Xshare:on @"$link/app.args" "$main" >> "$work/argfile.txt"
    (cd "$work/elsewhere" && JAVA_HOME=$java_home JAVA_OPTS='' sh "$moved/bin/app") >> "$work/dist.txt"
  done
  for f in argfile dist; do
    if ! diff <(grep '^result' "$work/plain.txt" | sort -u) <(grep '^result' "$work/$f.txt" | sort -u) > /dev/null; then
      echo "The $f runs computed other results than the plain runs" >&2
      exit 1
    fi
  done
  for w in jackson gson; do
    p=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$work/plain.txt" | median)
    a=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$work/argfile.txt" | median)
    d=$(awk -v w="$w" '$1 == "first-call" && $2 == w { print $3 }' "$work/dist.txt" | median)
    echo "| $feature | $w | $(ms "$p") | $(ms "$a") | $(ms "$d") | $(ratio "$d" "$a") | $(ratio "$d" "$p") |" >> "$out.sample"
  done

  echo "== JDK $feature: the deploy-time link of the sample's dist"
  run_mvn -f "$app/pom.xml" pkgimage:dist -Dpkgimage.jdk="$jdk" -Dpkgimage.mainClass="$main" -Dpkgimage.dist.link=false
  t=(); for i in 1 2 3; do t+=("$(timed_link "$link/dist" "$java_home")"); done
  echo "| $feature | sample (FirstCall) | $(printf '%s\n' "${t[@]}" | median) | - | - |" >> "$out.link"
done

echo "== the Spring Boot service: its tests run once, its image trained by them and by its start-up, its dist"
service="$work/spring-boot"
mkdir -p "$service"
cp -r "$root/it/src/it/spring-boot-app/." "$service/"
sed -i "s/@project.version@/$version/g" "$service/pom.xml"
run_mvn -f "$service/pom.xml" package -Dpkgimage.skip=true > "$service/package.log" || { tail -40 "$service/package.log" >&2; exit 1; }
for jdk in "${jdks[@]}"; do
  run_mvn -f "$service/pom.xml" pkgimage:compile pkgimage:record@record-startup pkgimage:link pkgimage:dist \
    -Dpkgimage.jdk="$jdk" -Dpkgimage.dist.link=false
  link="$service/target/pkgimage"
  java_home=$(sed -n 's/^JDK: .* at //p' "$link/spring-service-link.txt")
  java="$java_home/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  cp=$(sed -n '/^"-cp"$/{n;p}' "$link/spring-service.args" | tr -d '"')
  echo "== JDK $feature: bin/spring-service --link against Spring's training run, 3 each"
  l=(); s=()
  for i in 1 2 3; do
    l+=("$(timed_link "$link/dist" "$java_home")")
    rm -f "$work/spring.aot" "$work/spring.jsa"
    start=$(millis)
    if [ "$feature" -ge 24 ]; then
      "$java" -XX:AOTCacheOutput="$work/spring.aot" -Dspring.context.exit=onRefresh -cp "$cp" it.spring.ServiceApplication > "$work/spring.log" 2>&1 || true
      [ -f "$work/spring.aot" ] || { tail -5 "$work/spring.log" >&2; exit 1; }
    else
      "$java" -XX:ArchiveClassesAtExit="$work/spring.jsa" -Dspring.context.exit=onRefresh -cp "$cp" it.spring.ServiceApplication > "$work/spring.log" 2>&1 || true
      [ -f "$work/spring.jsa" ] || { tail -5 "$work/spring.log" >&2; exit 1; }
    fi
    end=$(millis)
    s+=($((end - start)))
  done
  lm=$(printf '%s\n' "${l[@]}" | median); sm=$(printf '%s\n' "${s[@]}" | median)
  echo "| $feature | Spring Boot 3.5 service | $lm | $sm | $(ratio "$lm" "$sm") |" >> "$out.link"
done

{
  echo "First call from a moved dist, median of $runs runs each ($(date -u +%Y-%m-%d), $(nproc) cores)."
  echo
  cat "$out.sample"
  echo
  echo "The deploy-time link (bin/<name> --link on a fresh copy), median of 3 ($(date -u +%Y-%m-%d), $(nproc) cores)."
  echo
  cat "$out.link"
} > "$out"
rm -f "$out.sample" "$out.link"
echo
cat "$out"
