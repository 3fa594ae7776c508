# Shared by the scripts of samples/ (sourced with their arguments, after setting $root): the runs and JDKs asked for
# ([RUNS] [JDK...], defaults 11 runs, JDKs 17 and 25), Maven with plain output, pkgimage's version and its build, a
# clock, and the statistics of the tables.
runs=${1:-11}
shift || true
jdks=("$@")
[ ${#jdks[@]} -gt 0 ] || jdks=(17 25)
mvn=(mvn -B -q -Dstyle.color=never)
[ -n "${CI:-}" ] && mvn+=(-ntp)
# Maven's console prints colour resets even in batch mode; keep the output plain
run_mvn() { "${mvn[@]}" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'; }
# Maven with its full log (not -q), plain, for scripts that read what the goals said
build() { mvn -B -Dstyle.color=never ${CI:+-ntp} "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'; }
millis() { date +%s%3N; }
# pkgimage's own version, for the projects the scripts write
version=$(sed -n '0,/<artifactId>pkgimage-parent<\/artifactId>/d; s/.*<version>\(.*\)<\/version>.*/\1/p' "$root/pom.xml" | head -1)

build_pkgimage() {
  echo "== building pkgimage (core and Maven plugin)"
  run_mvn -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true -Dpkgimage.it.skip=true \
    -pl pkgimage-core,pkgimage-maven-plugin -am
}

# writes the table $out.rows under the caption "$1", to $out, and prints it
write_table() {
  { echo "$1"; echo; cat "$out.rows"; } > "$out"
  rm -f "$out.rows"
  echo
  cat "$out"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
