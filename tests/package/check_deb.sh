#!/usr/bin/env bash
# The Debian package (packaging/deb/package.cmake): runs cpack on this build tree into a
# scratch folder and checks the .deb holds what `cmake --install` installs, under /usr,
# with Debian's permissions and control fields, a stripped binary that runs, and that
# lintian (when installed; sh .ci/setup installs it) reports no error (E:) on it.
#   check_deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
cpack=$1 build=$2 src=$3 version=$4
fail=0
problem() { echo "package: deb: $*" >&2; fail=1; }

tmp=$(mktemp -d "$build/package-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A group-writable umask must not leak into the package (0775 directories).
if ! (umask 002 && "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$tmp") >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log" >&2
  echo "package: deb: cpack failed" >&2
  exit 1
fi
debs=("$tmp"/leadctl_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || { ls -l "$tmp" >&2; echo "package: deb: expected one leadctl_*.deb" >&2; exit 1; }
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "leadctl_${version}-1_${arch}.deb" ] || problem "file name $(basename "$deb"), expected leadctl_${version}-1_${arch}.deb"

# Contents: every path that must be there, with its mode; nothing outside /usr/{bin,share}.
dpkg-deb -c "$deb" >"$tmp/contents"
# columns: mode owner size date time path
awk '{print $1, $2, $6}' "$tmp/contents" >"$tmp/listing"
want_file() {  # want_file PATH MODE
  grep -qxF -- "$2 root/root $1" "$tmp/listing" || problem "missing $1 ($2 root/root)"
}
want_file ./usr/bin/leadctl -rwxr-xr-x
for page in "$src"/man/*.[0-9]; do
  name=$(basename "$page")
  want_file "./usr/share/man/man${name##*.}/$name.gz" -rw-r--r--
done
want_file ./usr/share/bash-completion/completions/leadctl -rw-r--r--
want_file ./usr/share/zsh/vendor-completions/_leadctl -rw-r--r--
want_file ./usr/share/fish/vendor_completions.d/leadctl.fish -rw-r--r--
for f in "$src"/frameworks/*.yaml "$src"/frameworks/crosswalks/*.yaml; do
  want_file "./usr/share/leadctl/frameworks/${f#"$src"/frameworks/}" -rw-r--r--
done
want_file ./usr/share/doc/leadctl/copyright -rw-r--r--
want_file ./usr/share/doc/leadctl/changelog.Debian.gz -rw-r--r--
want_file ./usr/share/lintian/overrides/leadctl -rw-r--r--
while read -r mode owner path; do
  case $path in ./ | ./usr/ | ./usr/bin/* | ./usr/share/*) ;; *) problem "unexpected path $path" ;; esac
  [ "$owner" = root/root ] || problem "$path owned by $owner"
  case $mode in
    d*) [ "$mode" = drwxr-xr-x ] || problem "directory $path has mode $mode" ;;
    -*) [ "$mode" = -rw-r--r-- ] || [ "$path" = ./usr/bin/leadctl ] || problem "file $path has mode $mode" ;;
    *) problem "$path is not a plain file or directory ($mode)" ;;
  esac
done <"$tmp/listing"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = leadctl ] || problem "Package: $(field Package)"
[ "$(field Version)" = "${version}-1" ] || problem "Version: $(field Version), expected ${version}-1"
[ "$(field Architecture)" = "$arch" ] || problem "Architecture: $(field Architecture)"
[ "$(field Section)" = education ] || problem "Section: $(field Section)"
[ "$(field Priority)" = optional ] || problem "Priority: $(field Priority)"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || problem "Maintainer: $(field Maintainer)"
# dpkg-shlibdeps (dpkg-dev) gives the libraries the binary links, with versions.
depends=$(field Depends)
for lib in libc6 libstdc++6 libyaml-0-2 libyaml-cpp libfmt libuuid1; do
  [[ ",$depends" == *", $lib"* || ",$depends" == *",$lib"* ]] || problem "Depends lacks $lib: '$depends'"
done
[ "$(field Description | head -1)" = "Medical leadership competency frameworks from the command line" ] ||
  problem "Description synopsis: $(field Description | head -1)"
[ "$(field Description | wc -l)" -gt 2 ] || problem "no extended Description"
dpkg-deb -I "$deb" >"$tmp/info"
grep -q '^ *[0-9]* bytes, *[0-9]* lines *control' "$tmp/info" || problem "dpkg-deb -I shows no control file"
grep -q '^ *[0-9]* bytes, *[0-9]* lines *md5sums' "$tmp/info" || problem "dpkg-deb -I shows no md5sums"

# What is inside: the binary runs and is stripped, the man pages are gzip files of the pages.
dpkg-deb -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/leadctl" --version >/dev/null || problem "the packaged leadctl does not run"
if readelf -S "$tmp/root/usr/bin/leadctl" | grep -Eq '\.symtab|\.debug_'; then
  problem "/usr/bin/leadctl is not stripped"
fi
for page in "$src"/man/*.[0-9]; do
  name=$(basename "$page")
  gz="$tmp/root/usr/share/man/man${name##*.}/$name.gz"
  [ -f "$gz" ] && { gzip -dc "$gz" | cmp -s - "$page"; } || problem "$name.gz is not man/$name compressed"
done

# lintian: no errors. Skipped (this part only) when lintian is not installed.
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >"$tmp/lintian" 2>&1 || true
  cat "$tmp/lintian"; echo
  if grep -q '^E: ' "$tmp/lintian"; then problem "lintian reports errors (E: above)"; fi
else
  echo "package: deb: lintian not installed; its check skipped (sh .ci/setup installs it)"
fi

[ $fail = 0 ] && echo "package: deb: $(basename "$deb") OK"
exit $fail
