# shellcheck shell=bash
# Shared by scripts/demo, scripts/test and .ci/run (sourced, not run).
# One place for the Debian 12 packages zmx needs and for how it is built.

# clang is for the fuzzers; python3-zmq and libzmq3-dev are the reference
# libzmq 4.3.4 that the interop tests and the side-by-side benchmark use
# (python3-pytest runs pyzmq's own suite on zmx, tests/dropin, and
# python3-tornado and python3-gevent let its event-loop tests run too;
# libczmq-dev, cppzmq-dev and python3-txzmq are Debian's czmq, cppzmq
# and txZMQ, which tests/dropin runs on zmx);
# libcli11-dev and libtomlplusplus-dev are the tools' command lines and config;
# nettle-dev gives the WebSocket upgrade its SHA-1 and base64;
# libgnutls28-dev the TLS of wss://; libmimalloc-dev the allocator of message
# bodies; python3-cryptography makes the tools tests' certificates;
# libnng-dev is nng 1.5, which bench/matrix measures beside them, and
# python3-matplotlib draws bench/report's plots;
# microsocks is the SOCKS5 proxy the ZMQ_SOCKS_PROXY tests connect through;
# chromium, nodejs and npm run the web example (examples/web) and its
# browser tests.
ZMX_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libgtest-dev libgmock-dev libbenchmark-dev
  libsodium-dev libzmq3-dev python3-zmq python3-pytest python3-tornado python3-gevent libczmq-dev cppzmq-dev python3-txzmq clang
  libcli11-dev libtomlplusplus-dev nettle-dev libgnutls28-dev python3-cryptography libmimalloc-dev
  microsocks chromium nodejs npm
  libnng-dev python3-matplotlib
  libcpp-httplib-dev nlohmann-json3-dev python3-prometheus-client
)

ZMX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Whether a package is installed, or provided by one that is: a nodejs
# from elsewhere than Debian may carry npm itself (Provides: npm, and
# Conflicts: npm), and asking apt for Debian's npm then would fail.
zmx_package_present() {
  local package="$1"
  [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" == "install ok installed" ]] && return 0
  dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null |
    awk -F'|' -v wanted="$package" '
      $1 ~ /^ii/ { n = split($2, provided, /, */)
                   for (i = 1; i <= n; i++) { sub(/ .*/, "", provided[i]); if (provided[i] == wanted) found = 1 } }
      END { exit !found }'
}

# Installs only the packages that are missing, so a re-run touches nothing
# and needs no network.
zmx_install_packages() {
  local missing=() package
  for package in "${ZMX_PACKAGES[@]}"; do
    zmx_package_present "$package" || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    echo "== packages: all ${#ZMX_PACKAGES[@]} already installed"
    return
  fi
  if ((EUID != 0)); then
    echo "error: missing packages (${missing[*]}); run as root to install them" >&2
    return 1
  fi
  echo "== packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
}

# zmx_configure_and_build <build dir> <build type> [extra cmake args...]
# Builds as much as it can (-k 0), so one broken target still leaves the
# others to be tested; returns the build's status.
zmx_configure_and_build() {
  local build_dir="$1" build_type="$2"
  shift 2
  echo "== build: $build_dir ($build_type${*:+ $*})"
  cmake -S "$ZMX_ROOT" -B "$ZMX_ROOT/$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE="$build_type" "$@" || return
  cmake --build "$ZMX_ROOT/$build_dir" -- -k 0
}

# zmx_ctest <build dir> <wall-clock limit, e.g. 10m>: runs every test, two
# at a time. A test without its own TIMEOUT property gets the global one;
# the wall-clock limit is the safety net against a run that hangs as a whole.
# ctest prints its summary line ("N% tests passed, ...") before the total
# time and the list of failures; this moves it to the very end so it is the
# last line a reader (or CI) sees. Returns ctest's status.
zmx_ctest() {
  local build_dir="$1" wall_limit="$2"
  timeout --kill-after=30s "$wall_limit" \
    ctest --test-dir "$ZMX_ROOT/$build_dir" --output-on-failure -j2 --timeout 120 2>&1 |
    awk '/^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+/ { summary = $0; next }
         { print; fflush() }
         END { if (summary != "") print summary }'
}
