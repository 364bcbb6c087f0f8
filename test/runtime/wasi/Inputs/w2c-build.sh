#!/bin/sh
# Builds a native executable that runs a wasm32-wasi module on wmc_wasi
# without the engine: wasm2c converts the module to C (module name "prog"),
# which is linked with w2c-main.c, the wmc_wasi_w2c_host glue, wmc_wasi and
# wabt's wasm-rt runtime.
#   usage: w2c-build.sh ARCHIVE_DIR MODULE.wasm OUTPUT
set -e
archive=$1 module=$2 out=$3
here=$(dirname "$0")
work=$out.w2c
rm -rf "$work"
mkdir -p "$work"
wasm2c "$module" -n prog -o "$work/prog.c"
cc -O1 -w -I"$work" -I/usr/src/wasm2c -c "$work/prog.c" -o "$work/prog.o"
cc -O1 -I"$work" -I/usr/src/wasm2c -c "$here/w2c-main.c" -o "$work/main.o"
c++ "$work/prog.o" "$work/main.o" "$archive/libwmc_wasi_w2c_host.a" \
  "$archive/libwmc_wasi.a" -lwasm-rt-impl -lm -o "$out"
