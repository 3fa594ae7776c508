#!/usr/bin/env bash
# First-call latency with JMH: each sample is the first call of a library in a fresh JVM (SingleShotTime, one fork).
#
#   benchmarks/run.sh [FORKS] [JDK...]   the full run: Jackson, Gson, Guava and commons-lang3, plain vs pkgimage (images
#                                        trained by the training modules' own tests) vs, on JDK 24+, the JDK's own AOT
#                                        cache trained on each benchmark itself, and the sample application's whole
#                                        process, start to first result (samples/first-call.sh builds and links it);
#                                        defaults: 10 forks, JDKs 17 and 25.
#                                        Writes benchmarks/target/first-call/first-call.{md,csv,svg} and JMH's files.
#   benchmarks/run.sh gate               the regression gate that CI runs: FirstCallGateTests (Jackson and Gson,
#                                        imaged/plain at most FirstCallGateTests.MAX_RATIO) on Maven's JDK.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mvn=(mvn -B -Dstyle.color=never)
[ -n "${CI:-}" ] && mvn+=(-ntp)
# Maven's console prints colour resets even in batch mode; keep the output plain
run_mvn() { "${mvn[@]}" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'; }

echo "== building pkgimage (core, Maven plugin, JUnit extension)"
run_mvn -q -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true \
  -pl pkgimage-core,pkgimage-maven-plugin,pkgimage-junit -am

if [ "${1:-}" = gate ]; then
  echo "== the latency gate: images trained by the training modules' tests, then FirstCallGateTests"
  mkdir -p "$here/target"
  log="$here/target/gate.log"
  status=0
  run_mvn -f "$here/pom.xml" verify > "$log" || status=$?
  grep -E '\[pkgimage\] first call|Tests run:.*Fail|Expecting|BUILD' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -80 "$log"
    echo "The latency gate failed; the whole log is $log" >&2
  fi
  exit "$status"
fi

forks=${1:-10}
shift || true
jdks=("$@")
[ ${#jdks[@]} -gt 0 ] || jdks=(17 25)
out="$here/target/first-call"
mkdir -p "$out"
args=()
for jdk in "${jdks[@]}"; do
  echo "== JDK $jdk: training the images (the training modules' tests) and building benchmarks.jar"
  run_mvn -q -f "$here/pom.xml" package -Dpkgimage.jdk="$jdk" -DskipGate=true
  images="$out/images-$(basename "$jdk")"
  rm -rf "$images" && mkdir -p "$images"
  cp "$here"/training-*/target/*-pkgimage.jar "$here"/workloads/target/*-pkgimage.jar "$images/"
  echo "== JDK $jdk: the sample application, built and linked by samples/first-call.sh (log: $out/samples-$(basename "$jdk").log)"
  "$root/samples/first-call.sh" 1 "$jdk" > "$out/samples-$(basename "$jdk").log" 2>&1 \
    || { tail -40 "$out/samples-$(basename "$jdk").log"; exit 1; }
  args+=(--app "$jdk=$root/samples/app/target/pkgimage/first-call-jdk$(basename "$jdk")" "$jdk=$images")
done
java -jar "$here/bench/target/benchmarks.jar" --forks "$forks" --out "$out" "${args[@]}"
