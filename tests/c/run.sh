#!/usr/bin/env bash
# C tests of libgovreport: builds the library, compiles every tests/c/test_*.c and the example
# against include/govreport.h with `gcc -std=c99 -Wall -Wextra -Werror -pedantic`, links each
# with the shared and with the static library, and runs it under valgrind (no errors, no
# definite, indirect or possible leaks; tests/c/valgrind.supp, shipped for users too, lists
# the few false positives, each with its reason), and once more built with gcc's
# AddressSanitizer and UndefinedBehaviorSanitizer against the shared library. Also: the
# header as C++, out of memory under setrlimit (nomem.c), the pkg-config template, and the
# example on the seed report. Run from the repository root:
#
#     bash tests/c/run.sh
#
# The last line is "N passed, M failed"; the exit status is non-zero when anything failed.
set -euo pipefail

cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need valgrind || missing+=(valgrind)
need gcc || missing+=(gcc)
need g++ || missing+=(g++)
need pkg-config || missing+=(pkg-config)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# With the register (govreport_register_*), which the header declares under GOVREPORT_REGISTER.
cargo build --release -p govreport-ffi --features register
LIB="$PWD/target/release"
OUT="$PWD/target/c-tests"
rm -rf "$OUT"
mkdir -p "$OUT"
# The version Cargo gives the crate: the header's GOVREPORT_VERSION must say the same.
VERSION="$(cargo pkgid -p govreport-ffi | sed 's/.*[#@]//')"

CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -g -pthread -Iinclude -DGOVREPORT_REGISTER "-DEXPECTED_VERSION=\"$VERSION\"")
SHARED=(-L"$LIB" -lgovreport -Wl,-rpath,"$LIB")
STATIC=("$LIB/libgovreport.a" -lpthread -ldl -lm)
VALGRIND=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --suppressions="$PWD/tests/c/valgrind.supp")
SANITIZE=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; }
# run NAME COMMAND...: one test case, counted.
run() {
    local name="$1"
    shift
    if "$@" >"$OUT/$name.log" 2>&1; then
        pass "$name"
    else
        fail "$name (exit $?)"
        sed 's/^/    /' "$OUT/$name.log"
    fi
}

# The header alone, as C89, C99 and C++, with and without the register's declarations.
run header-c89 gcc -std=c89 -Wall -Wextra -Werror -pedantic -fsyntax-only -x c include/govreport.h
run header-c99 gcc "${CFLAGS[@]}" -fsyntax-only -x c include/govreport.h
run header-c99-no-register gcc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -Iinclude -x c include/govreport.h
run header-c++ g++ -std=c++11 -Wall -Wextra -Werror -pedantic -DGOVREPORT_REGISTER -fsyntax-only -x c++ include/govreport.h

args_for() {
    case "$1" in
    test_fixtures) echo tests/fixtures ;;
    *) ;;
    esac
}

for src in tests/c/test_*.c; do
    name="$(basename "$src" .c)"
    for link in shared static asan; do
        bin="$OUT/$name-$link"
        case "$link" in
        shared) flags=("${SHARED[@]}") ;;
        static) flags=("${STATIC[@]}") ;;
        asan) flags=("${SANITIZE[@]}" "${SHARED[@]}") ;;
        esac
        if ! gcc "${CFLAGS[@]}" "$src" "${flags[@]}" -o "$bin" >"$OUT/$name-$link.build.log" 2>&1; then
            fail "$name-$link: does not compile"
            sed 's/^/    /' "$OUT/$name-$link.build.log"
            continue
        fi
        if [ "$link" = asan ]; then
            # shellcheck disable=SC2046
            run "$name-$link" "$bin" $(args_for "$name")
        else
            # shellcheck disable=SC2046
            run "$name-$link" "${VALGRIND[@]}" "$bin" $(args_for "$name")
        fi
    done
done

# Out of memory: NOMEM, not an abort, in a child limited with setrlimit(RLIMIT_AS). Natively
# (valgrind and ASan need more address space than the limit leaves), against both libraries.
for link in shared static; do
    if [ "$link" = shared ]; then libs=("${SHARED[@]}"); else libs=("${STATIC[@]}"); fi
    if gcc "${CFLAGS[@]}" tests/c/nomem.c "${libs[@]}" -o "$OUT/nomem-$link" >"$OUT/nomem-$link.build.log" 2>&1; then
        run "nomem-$link" "$OUT/nomem-$link"
    else
        fail "nomem-$link: does not compile"
        sed 's/^/    /' "$OUT/nomem-$link.build.log"
    fi
done

# The leak checks bite: a program that leaks one string must fail under both.
expect_failure() { ! "$@"; }
if gcc "${CFLAGS[@]}" tests/c/leak_canary.c "${SHARED[@]}" -o "$OUT/leak_canary" >"$OUT/leak_canary.build.log" 2>&1 &&
    gcc "${CFLAGS[@]}" "${SANITIZE[@]}" tests/c/leak_canary.c "${SHARED[@]}" -o "$OUT/leak_canary-asan" >>"$OUT/leak_canary.build.log" 2>&1; then
    run leak-caught-by-valgrind expect_failure "${VALGRIND[@]}" "$OUT/leak_canary"
    run leak-caught-by-asan expect_failure "$OUT/leak_canary-asan"
else
    fail "leak_canary: does not compile"
    sed 's/^/    /' "$OUT/leak_canary.build.log"
fi

# The example prints the seed report's findings: GR801 three times, then GR802.
example_prints_seed() {
    local bin="$1" status=0
    "${VALGRIND[@]}" "$bin" tests/fixtures/seed-2012-changchun-etdz.json >"$bin.out" || status=$?
    # Exit 1: the report has errors. 99 would be valgrind.
    [ "$status" -eq 1 ] || { echo "exit status $status"; cat "$bin.out"; return 1; }
    local codes
    codes="$(cut -f1 "$bin.out" | grep '^GR' | paste -sd, -)"
    [ "$codes" = "GR801,GR801,GR801,GR802" ] || { echo "codes: $codes"; cat "$bin.out"; return 1; }
    cat "$bin.out"
}
for link in shared static; do
    if [ "$link" = shared ]; then libs=("${SHARED[@]}"); else libs=("${STATIC[@]}"); fi
    if gcc "${CFLAGS[@]}" bindings/c/example.c "${libs[@]}" -o "$OUT/example-$link" >"$OUT/example-$link.build.log" 2>&1; then
        run "example-$link" example_prints_seed "$OUT/example-$link"
    else
        fail "example ($link): does not compile"
        sed 's/^/    /' "$OUT/example-$link.build.log"
    fi
done

# The README's C example, as written there: a GB18030 program reading a cell and the findings
# through the typed getters. Run under valgrind on a fixture converted to GB18030; its output,
# converted back, names the agency, the count and the finding GR301 in Chinese.
readme_example_runs() {
    awk '/<!-- c-example/{on=1; next} on && /^```c/{inside=1; next} inside && /^```/{exit} inside' README.md >"$OUT/readme_example.c"
    [ -s "$OUT/readme_example.c" ] || { echo "no C example in README.md"; return 1; }
    gcc "${CFLAGS[@]}" "$OUT/readme_example.c" "${SHARED[@]}" -o "$OUT/readme_example" || return 1
    iconv -f UTF-8 -t GB18030 tests/fixtures/2021-case-total-broken.json >"$OUT/report-gb18030.json" || return 1
    "${VALGRIND[@]}" "$OUT/readme_example" "$OUT/report-gb18030.json" >"$OUT/readme_example.out" || return 1
    iconv -f GB18030 -t UTF-8 "$OUT/readme_example.out" >"$OUT/readme_example.utf8" || { echo "output is not GB18030"; return 1; }
    cat "$OUT/readme_example.utf8"
    head -1 "$OUT/readme_example.utf8" | grep -qx '包头市东河区人民政府: 37 new requests' || { echo "first line"; return 1; }
    grep -q $'^GR301\t/review_litigation/review/total\t.*行政复议' "$OUT/readme_example.utf8" || { echo "no GR301 in Chinese"; return 1; }
    # A report that is not one: the message in Chinese, in GB18030, and exit status 2.
    printf '{"format":"2021"' >"$OUT/broken.json"
    local status=0
    "$OUT/readme_example" "$OUT/broken.json" 2>"$OUT/readme_example.err" || status=$?
    [ "$status" -eq 2 ] || { echo "exit status $status"; return 1; }
    iconv -f GB18030 -t UTF-8 "$OUT/readme_example.err" | grep -q '行' || { echo "no Chinese message"; return 1; }
}
run readme-example readme_example_runs

# The pkg-config template, filled for this build tree, builds the example.
pkgconfig_builds_example() {
    mkdir -p "$OUT/pkgconfig"
    sed -e "s|@PREFIX@|$PWD|" -e "s|@LIBDIR@|$LIB|" -e "s|@INCLUDEDIR@|$PWD/include|" -e "s|@VERSION@|$VERSION|" \
        bindings/c/govreport.pc.in >"$OUT/pkgconfig/govreport.pc"
    export PKG_CONFIG_PATH="$OUT/pkgconfig"
    [ "$(pkg-config --modversion govreport)" = "$VERSION" ] || { echo "pkg-config version"; return 1; }
    # shellcheck disable=SC2046
    gcc -std=c99 -Wall -Wextra -Werror -pedantic bindings/c/example.c $(pkg-config --cflags --libs govreport) \
        -Wl,-rpath,"$(pkg-config --variable=libdir govreport)" -o "$OUT/example-pkgconfig" || return 1
    # The header's static recipe, with the .so in the same folder: it must link the .a.
    # shellcheck disable=SC2046
    gcc -std=c99 -Wall -Wextra -Werror -pedantic bindings/c/example.c $(pkg-config --cflags govreport) \
        -L"$(pkg-config --variable=libdir govreport)" -l:libgovreport.a -lpthread -ldl -lm \
        -o "$OUT/example-pkgconfig-static" || return 1
    [ -e "$(pkg-config --variable=libdir govreport)/libgovreport.so" ] || { echo "no .so beside the .a"; return 1; }
    if readelf -d "$OUT/example-pkgconfig-static" | grep -q 'NEEDED.*libgovreport'; then
        echo "the static recipe linked the shared library"
        return 1
    fi
    example_prints_seed "$OUT/example-pkgconfig" && example_prints_seed "$OUT/example-pkgconfig-static"
}
run pkg-config pkgconfig_builds_example

# The shared library names its ABI (SONAME), programs record it, and the shipped libraries
# carry no debug info.
artifacts_as_shipped() {
    readelf -d "$LIB/libgovreport.so" | grep -q 'SONAME.*\[libgovreport\.so\.0\]' || { echo "no SONAME libgovreport.so.0"; return 1; }
    readelf -d "$OUT/example-shared" | grep -q 'NEEDED.*\[libgovreport\.so\.0\]' || { echo "the example does not need libgovreport.so.0"; return 1; }
    # (The .a is not linked by cargo, so its objects keep the line tables the Rust standard
    # library ships with; `strip --strip-debug` removes them, about 15 %.)
    if readelf -S -W "$LIB/libgovreport.so" | grep -q '\.debug_info'; then
        echo "libgovreport.so carries debug info"
        return 1
    fi
    ls -l "$LIB/libgovreport.so" "$LIB/libgovreport.a"
}
run artifacts artifacts_as_shipped

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
