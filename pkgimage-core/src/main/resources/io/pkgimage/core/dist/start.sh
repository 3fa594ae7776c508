#!/bin/sh
# Starts @NAME@ (@MAIN@) with its package images, from any working directory, which it leaves the caller's.
# Written by pkgimage @VERSION@. JAVA_HOME, else java on the PATH, runs it; JAVA_OPTS are its JVM options.
#   bin/@NAME@ [args...]   starts it, linking its archive for this JDK first when none holds here
#   bin/@NAME@ --link      only links (a Dockerfile's RUN, with the runtime's JDK); fails when it cannot
# The archive, and what this script records of the JDK, jars and options it was made for, go into the dist's
# pkgimage/link when that can be written, else into $PKGIMAGE_CACHE, else ~/.cache/pkgimage; with none of
# them it starts without the archive, saying so.

self=$0
while [ -h "$self" ]; do
  link=$(ls -ld "$self")
  link=${link#*' -> '}
  case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
case $self in */*) bin=${self%/*} ;; *) bin=. ;; esac
root=$(cd "$bin/.." && pwd -P) || exit 1
name='@NAME@'
main='@MAIN@'

if [ -n "$JAVA_HOME" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java) || java=; fi
if [ ! -x "$java" ]; then
  echo "$name: no java: set JAVA_HOME to a JDK or Java runtime 17 or newer, or put its bin on the PATH" >&2
  exit 1
fi
cp="@CLASSPATH@"
opts="@JVM_OPTIONS@ $JAVA_OPTS"

linkonly=
if [ "$1" = --link ]; then linkonly=1; shift; fi

id=$(printf '%s' "$root" | cksum | cut -d ' ' -f 1)
states=$root/pkgimage/link
if [ -n "$PKGIMAGE_CACHE" ]; then states="$states
$PKGIMAGE_CACHE/$name-$id"; fi
if [ -n "$HOME" ]; then states="$states
${XDG_CACHE_HOME:-$HOME/.cache}/pkgimage/dist/$name-$id"; fi

# what the archive prepared last was made for: the JDK, the jars and images, the options, the archives themselves
stamp() {
  printf '%s\n' "$root" "$java" "$opts" "$JAVA_TOOL_OPTIONS" "$JDK_JAVA_OPTIONS"
  ls -lLn "$java" "$root"/lib/* "$root"/images/* "$root/pkgimage/link/$name.jsa" "$1/$name.jsa" 2>/dev/null |
    awk '{ print $5, $6, $7, $8, $9 }'
}

# runs the application with the options of the argfile $1 ($1 empty: without the archive)
start() {
  runargs=$1
  shift
  if [ -n "$runargs" ] && [ -s "$runargs" ]; then
    # shellcheck disable=SC2086 # the options are words
    exec "$java" $opts "@$runargs" -cp "$cp" "$main" "$@"
  fi
  # shellcheck disable=SC2086
  exec "$java" $opts -cp "$cp" "$main" "$@"
}

state=
saved=$IFS
IFS='
'
for s in $states; do
  if [ -z "$linkonly" ] && [ -f "$s/$name.stamp" ] && [ -f "$s/$name.run" ] &&
    [ "$(cat "$s/$name.stamp")" = "$(stamp "$s")" ]; then
    IFS=$saved
    if [ ! -s "$s/$name.run" ]; then
      echo "pkgimage: $name starts without its archive, which could not be linked here (see $s/$name-launch.log)" >&2
    fi
    start "$s/$name.run" "$@"
  fi
  if [ -z "$state" ] && mkdir -p "$s" 2>/dev/null && [ -w "$s" ]; then state=$s; fi
done
IFS=$saved

if [ -z "$state" ]; then
  echo "pkgimage: no folder to link the archive of $name into ($root/pkgimage/link and the cache cannot be written), so it starts without it; set PKGIMAGE_CACHE to a writable folder" >&2
  if [ -n "$linkonly" ]; then exit 1; fi
  start '' "$@"
fi

# the launcher runs none of the run's agents: it is handed their variables under other names
tool=$JAVA_TOOL_OPTIONS
launcher=$JDK_JAVA_OPTIONS
(
  unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
  PKGIMAGE_JAVA_TOOL_OPTIONS=$tool PKGIMAGE_JDK_JAVA_OPTIONS=$launcher
  export PKGIMAGE_JAVA_TOOL_OPTIONS PKGIMAGE_JDK_JAVA_OPTIONS
  # shellcheck disable=SC2086
  exec "$java" -XX:TieredStopAtLevel=1 -cp "$root/lib/pkgimage/*" io.pkgimage.core.dist.DistLauncher \
    "$root" "$state" -- $opts
)
linked=$?
if [ "$linked" -ne 0 ] && [ "$linked" -ne 2 ]; then
  if [ -n "$linkonly" ]; then exit "$linked"; fi
  start '' "$@"
fi
if [ "$linked" -eq 2 ]; then : > "$state/$name.run"; fi
stamp "$state" > "$state/.$name.stamp.$$" && mv -f "$state/.$name.stamp.$$" "$state/$name.stamp"
if [ -n "$linkonly" ]; then exit "$linked"; fi
start "$state/$name.run" "$@"
